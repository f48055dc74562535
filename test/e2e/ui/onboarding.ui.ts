// A newcomer's first minutes: the walkthrough of the installed copy, the validation report it leads to, a folder the
// user has not trusted (Restricted Mode), and a status bar that stays quiet while other JSON is edited.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { HOSTILE_WORKSPACE_SETTINGS } from '../hostileWorkspace';
import type { UiTest } from '../uiTest';
import { openViewContainer, QUICK_INPUT, runCommand, viewPane, waitForIdle } from '../workbench';
import { world } from '../worldFacts';
import { hoverToken } from './hoverToken';

const WALKTHROUGH_TITLE = 'Read Encrypted CloudTrail Logs';
const STEP_TITLES = [
  'Choose an AWS profile, or try the local sandbox',
  'Browse a trail',
  'Open and decrypt a log file',
  'Hover a KMS event',
  'Find events',
  'Validate log file integrity',
];
const CORPUS_EVENT = '/work/shared/corpus/seed/2-log-file-stored-generatedatakey.json';
/** The connection status-bar item (profile · region); the workbench gives its element the item's id as a suffix. */
const CONNECTION_ITEM = '.part.statusbar [id$=".cloudtrailKms.connection"]';

/** Picks a row of the open quick pick by its text, after waiting for the pick to show it. */
async function pickRow(page: Page, text: string | RegExp, timeoutMs = 60_000): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
}

/** Opens a file of the workspace folder with Quick Open and returns its editor. */
async function quickOpen(page: Page, name: string, contains: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = page.locator(QUICK_INPUT);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(name);
  await pickRow(page, name);
  const editor = page.locator('.editor-instance .monaco-editor', { hasText: contains }).first();
  await editor.waitFor({ state: 'visible', timeout: 60_000 });
  return editor;
}

export const tests: UiTest[] = [
  {
    name: 'the walkthrough of the installed copy shows its six steps, each with its command and picture',
    extension: 'installed',
    timeoutMs: 150_000,
    async run({ page, screenshot }) {
      // The Welcome page shows a step's picture beside the steps only when the editor is wide: close the sidebar.
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
      await runCommand(page, 'Welcome: Open Walkthrough');
      await pickRow(page, WALKTHROUGH_TITLE);
      const steps = page.locator('.getting-started-step');
      for (const title of STEP_TITLES) await steps.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
      // The expanded step shows its buttons (command links) and its picture from media/walkthrough/ of the installed copy.
      const hoverStep = steps.filter({ hasText: 'Hover a KMS event' }).first();
      await hoverStep.click();
      const image = page.locator('.getting-started-media img').first();
      await image.waitFor({ state: 'visible', timeout: 30_000 });
      const loaded = async (): Promise<boolean> =>
        image.evaluate((img) => {
          const element = img as unknown as { complete: boolean; naturalWidth: number };
          return element.complete && element.naturalWidth > 0;
        });
      for (let waited = 0; !(await loaded()); waited += 250) {
        assert.ok(waited < 30_000, 'the step picture did not load');
        await page.waitForTimeout(250);
      }
      const src = await image.evaluate((img) => (img as unknown as { currentSrc: string }).currentSrc);
      assert.match(decodeURIComponent(src), /cloudtrail-kms-explorer.*media\/walkthrough\/hover-kms-event\.png/, src);
      assert.ok(await hoverStep.getByRole('button', { name: 'Open Log File…' }).isVisible(), 'the step has no command button');
      await screenshot('walkthrough-installed');
    },
  },
  {
    name: 'Validate Log File Integrity from the palette ends in a validation report',
    timeoutMs: 180_000,
    async run({ page, screenshot }) {
      const facts = world();
      // Open the view first: the extension is then active and its commands are in the palette.
      const sidebar = await openViewContainer(page, 'CloudTrail KMS');
      const pane = viewPane(sidebar, 'Trails');
      await pane
        .locator('.monaco-list-row', { hasText: facts.trails.management.name })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      await waitForIdle(page);
      await runCommand(page, 'CloudTrail: Validate Log File Integrity');
      await pickRow(page, new RegExp(`^${facts.trails.management.name}`));
      await pickRow(page, 'Last 7 days');
      // A multi-region trail with digests in several regions asks which chain: the home region (listed first).
      const homeRegion = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'home region' }).first();
      // The report is the Results view's set: its title row names the trail, the verdicts group under it.
      const results = viewPane(sidebar, 'Results');
      const report = results.locator('.monaco-list-row', { hasText: `Integrity of ${facts.trails.management.name}` }).first();
      await Promise.race([
        report.waitFor({ state: 'visible', timeout: 150_000 }),
        homeRegion.waitFor({ state: 'visible', timeout: 150_000 }).then(() => homeRegion.click()),
      ]);
      await report.waitFor({ state: 'visible', timeout: 150_000 });
      await results
        .locator('.monaco-list-row .label-name', { hasText: /^(INVALID|Valid)$/ })
        .first()
        .waitFor({ state: 'visible', timeout: 150_000 });
      await waitForIdle(page);
      await screenshot('validate-integrity-report');
    },
  },
  {
    name: 'in Restricted Mode, a downloaded CloudTrail log on disk gets its hovers and the connection item shows the user profile',
    server: 'restricted',
    timeoutMs: 150_000,
    async run({ page, workspaceFolder, screenshot }) {
      const event = JSON.parse(readFileSync(CORPUS_EVENT, 'utf8')) as unknown;
      writeFileSync(join(workspaceFolder, 'downloaded-log.json'), JSON.stringify({ Records: [event] }, null, 2));
      await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 90_000 });
      const editor = await quickOpen(page, 'downloaded-log.json', '"Records"');
      const hover = await hoverToken(page, editor, '"encryptionContext"');
      await hover.locator('text=/encryption context/i').first().waitFor({ state: 'visible', timeout: 30_000 });
      // A CloudTrail document is in use: the connection item shows, with the user's region, not the workspace's.
      const item = page.locator(CONNECTION_ITEM).first();
      await item.waitFor({ state: 'visible', timeout: 30_000 });
      const text = await item.innerText();
      assert.ok(text.includes(world().region), `the connection item says "${text}"`);
      for (const region of HOSTILE_WORKSPACE_SETTINGS['cloudtrailKms.regions']) assert.ok(!text.includes(region), text);
      assert.ok(!text.includes(HOSTILE_WORKSPACE_SETTINGS['cloudtrailKms.profile']), text);
      await screenshot('restricted-mode-hover');
    },
  },
  {
    name: "in Restricted Mode, the Trails view lists the sandbox's trails through the user's endpoint, not the workspace's",
    server: 'restricted',
    async run({ page, screenshot, awsRequestCount }) {
      const before = await awsRequestCount();
      const facts = world();
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await pane
        .locator('.monaco-list-row', { hasText: facts.trails.management.name })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      await waitForIdle(page);
      assert.ok((await awsRequestCount()) > before, "the trails did not come through the user's endpoint");
      await screenshot('restricted-mode-trails');
    },
  },
  {
    name: 'the status bar shows no CloudTrail item while other JSON is edited, and shows it for a CloudTrail log and the Trails view',
    server: 'restricted',
    timeoutMs: 240_000,
    async run({ page, workspaceFolder, screenshot }) {
      const item = page.locator(CONNECTION_ITEM);
      writeFileSync(join(workspaceFolder, 'package-like.json'), JSON.stringify({ name: 'not-cloudtrail', version: '1.0.0' }, null, 2));
      writeFileSync(
        join(workspaceFolder, 'downloaded-log.json'),
        JSON.stringify({ Records: [JSON.parse(readFileSync(CORPUS_EVENT, 'utf8'))] }, null, 2),
      );
      await quickOpen(page, 'package-like.json', 'not-cloudtrail');
      // The extension activates on JSON; give it the time to (wrongly) show its item.
      await page.waitForTimeout(3_000);
      assert.equal(await item.count(), 0, 'the connection item shows while editing other JSON');
      // It is active and listening: a CloudTrail log brings the item, going back to the other JSON hides it again.
      await quickOpen(page, 'downloaded-log.json', '"Records"');
      await item.first().waitFor({ state: 'visible', timeout: 30_000 });
      await quickOpen(page, 'package-like.json', 'not-cloudtrail');
      await item.first().waitFor({ state: 'detached', timeout: 30_000 });
      await screenshot('quiet-status-bar-other-json');
      await openViewContainer(page, 'CloudTrail KMS');
      await item.first().waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
];
