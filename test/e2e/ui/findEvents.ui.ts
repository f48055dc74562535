import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { sandboxControl } from '../sandboxControl';
import type { UiTest } from '../uiTest';
import { openViewContainer, QUICK_INPUT, runCommand, viewPane } from '../workbench';
import { world } from '../worldFacts';
import { hoverToken } from './hoverToken';

async function trailsReady(page: Page): Promise<void> {
  // Open the view first: the extension is then active and its commands are in the palette.
  const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
  await pane
    .locator('.monaco-list-row', { hasText: world().trails.management.name })
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
}

/** The results editor (its first CodeLens says how many events were found) once the search has ended. */
async function resultsEditor(page: Page): Promise<Locator> {
  const editor = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
  await editor.waitFor({ state: 'visible', timeout: 60_000 });
  await editor
    .locator('.codelens-decoration', { hasText: /events? in \d+ of \d+ files/ })
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  return editor;
}

function range(): string {
  const days = [...world().days].sort();
  return `from:${days[0]} to:${days[days.length - 1]}`;
}

export const tests: UiTest[] = [
  {
    name: 'Find Events from the palette: a query, results by event time, a result opened at its record',
    timeoutMs: 150_000,
    async run({ page, screenshot }) {
      await trailsReady(page);
      await runCommand(page, 'CloudTrail: Find Events');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      // A bad token is pointed at while typing.
      await input.fill(`trail:${world().trails.management.name} ${range()} nmae:Decrypt`);
      const message = page.locator('.quick-input-widget .quick-input-message', { hasText: /at “nmae”/ });
      await message.waitFor({ state: 'visible', timeout: 10_000 });
      await screenshot('find-events-bad-token');
      await input.fill(`trail:${world().trails.management.name} ${range()} name:Decrypt`);
      await input.press('Enter');
      const editor = await resultsEditor(page);
      await screenshot('find-events-results');
      const lens = editor.locator('.codelens-decoration a', { hasText: '· record ' }).first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      const label = await lens.innerText();
      const file = (/(\S+\.json)(?:\.gz)? · record/.exec(label) ?? [])[1] ?? label;
      await lens.click();
      await page.locator('.tabs-container .tab.active', { hasText: file }).first().waitFor({ state: 'visible', timeout: 60_000 });
      const log = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
      await log.locator('.view-line', { hasText: '"eventName": "Decrypt"' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot('find-events-opened-at-record');
    },
  },
  {
    name: 'Find Events cancelled from its lens while AWS holds the reads: the lens says Cancelled, Run Again finds the events',
    timeoutMs: 150_000,
    async run({ page, screenshot }) {
      await trailsReady(page);
      await sandboxControl.pause('GetObject');
      try {
        await runCommand(page, 'CloudTrail: Find Events');
        const input = page.locator(QUICK_INPUT);
        await input.waitFor({ state: 'visible', timeout: 30_000 });
        await input.fill(`trail:${world().trails.management.name} ${range()} name:Decrypt`);
        await input.press('Enter');
        const editor = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
        const cancel = editor.locator('.codelens-decoration a', { hasText: 'Cancel' }).first();
        await cancel.waitFor({ state: 'visible', timeout: 60_000 });
        await screenshot('find-events-running');
        await cancel.click();
        await editor
          .locator('.codelens-decoration', { hasText: /Cancelled: 0 events in 0 of \d+ files/ })
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 });
        await screenshot('find-events-cancelled');
      } finally {
        await sandboxControl.resume();
      }
      const editor = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
      await editor.locator('.codelens-decoration a', { hasText: 'Run Again' }).first().click();
      await resultsEditor(page);
      // The run again found the events: a lens opens the first one's log at its record.
      await editor.locator('.codelens-decoration a', { hasText: '· record ' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot('find-events-run-again');
    },
  },
  {
    name: 'Find Events from a hover link: "Find events with this access key" runs a search around the record',
    timeoutMs: 150_000,
    async run({ page, screenshot }) {
      await trailsReady(page);
      await runCommand(page, 'CloudTrail: Find Events');
      const input = page.locator(QUICK_INPUT);
      await input.fill(`trail:${world().trails.management.name} ${range()} name:Decrypt`);
      await input.press('Enter');
      const editor = await resultsEditor(page);
      await editor.click();
      await page.keyboard.press('Control+F');
      await page.keyboard.type('"accessKeyId": "AKIA');
      await page.keyboard.press('Escape');
      const hover = await hoverToken(page, editor, /^"AKIA/, 'Find events with this access key');
      await screenshot('find-events-hover-link');
      await hover.locator('a', { hasText: 'Find events with this access key' }).first().click();
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      const prefilled = await input.inputValue();
      assert.match(prefilled, /^scope:\S+ from:\S+ to:\S+ principal:AKIA[A-Z0-9]+$/);
      await screenshot('find-events-from-link-query');
      await input.press('Enter');
      await page
        .locator('.tabs-container .tab.active', { hasText: 'events-principal-AKIA' })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      await resultsEditor(page);
      await screenshot('find-events-from-link-results');
    },
  },
];
