import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { fetchLog } from '../../../src/aws/fetchLog';
import { prettyPrintJson } from '../../../src/core/logs/pretty';
import { withSandboxClients } from '../sandboxClients';
import type { UiTest } from '../uiTest';
import { openViewContainer, QUICK_INPUT, runCommand, viewPane } from '../workbench';
import { expand, logFileRow, treeRow } from './treeRows';
import { hoverToken } from './hoverToken';
import { newestLogKeys, world } from '../worldFacts';

/** Finds, outside the workbench, a newest-day log with a GenerateDataKey record, and the line of its encryptionContext. */
async function kmsLogWithLine(): Promise<{ s3: string; line: number }> {
  return withSandboxClients(async (clients, sandbox) => {
    const facts = world();
    const bucket = facts.trails.management.bucket;
    for (const key of newestLogKeys(facts).keys) {
      const text = prettyPrintJson((await fetchLog(clients, { bucket, key, region: sandbox.region })).text);
      const at = text.search(/"eventName": "GenerateDataKey"/);
      if (at < 0) continue;
      const record = text.lastIndexOf('\n    {', at);
      const context = text.indexOf('"encryptionContext"', record);
      if (context < 0) continue;
      return { s3: `s3://${bucket}/${key}`, line: text.slice(0, context).split('\n').length };
    }
    throw new Error('no newest-day log with a GenerateDataKey record');
  });
}

async function editorWith(page: Page, text: string): Promise<Locator> {
  const editor = page.locator('.editor-instance .monaco-editor', { hasText: text }).first();
  await editor.waitFor({ state: 'visible', timeout: 60_000 });
  return editor;
}

export const tests: UiTest[] = [
  {
    name: 'the Trails view expands from a trail down to a day of log files',
    async run({ page, screenshot }) {
      const facts = world();
      const { day, keys } = newestLogKeys(facts);
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await expand(pane, [facts.trails.management.name, 'Logs', 'CloudTrail', facts.region, day]);
      await logFileRow(pane, keys[keys.length - 1]).waitFor({ state: 'visible', timeout: 30_000 });
      assert.ok(await treeRow(pane, `Key ${facts.keys.healthy.alias}`).isVisible(), 'the trail key is not shown');
      await screenshot('tree-day-of-logs');
    },
  },
  {
    name: 'a log file opens decrypted in a read-only editor',
    async run({ page, screenshot }) {
      const facts = world();
      const { day, keys } = newestLogKeys(facts);
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await expand(pane, [facts.trails.management.name, 'Logs', 'CloudTrail', facts.region, day]);
      const name = keys[keys.length - 1].split('/').pop() ?? '';
      await logFileRow(pane, keys[keys.length - 1]).click();
      const editor = await editorWith(page, '"Records"');
      const tab = page.locator('.tabs-container .tab', { hasText: name.replace(/\.gz$/, '') }).first();
      await tab.waitFor({ state: 'visible', timeout: 30_000 });
      await editor.click();
      await page.keyboard.type('x');
      const message = page.locator('.monaco-editor-overlaymessage', { hasText: /evidence|read-only|readonly/i }).first();
      await message.waitFor({ state: 'visible', timeout: 10_000 });
      await screenshot('decrypted-log-readonly');
      assert.ok(!(await editor.innerText()).includes('x{'), 'the document was edited');
    },
  },
  {
    name: "hovering a KMS event's encryption context shows the linked trail and log object",
    timeoutMs: 150_000,
    async run({ page, screenshot }) {
      const { s3, line } = await kmsLogWithLine();
      // Open the view first: the extension is then active and its commands are in the palette.
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await treeRow(pane, world().trails.management.name).waitFor({ state: 'visible', timeout: 60_000 });
      await runCommand(page, 'CloudTrail: Open S3 URI or ARN');
      const input = page.locator(QUICK_INPUT);
      await input.fill(s3);
      await input.press('Enter');
      const editor = await editorWith(page, '"Records"');
      await editor.click();
      await page.keyboard.press('Control+G');
      await page.locator(QUICK_INPUT).fill(`:${line}`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      const hover = await hoverToken(page, editor, '"encryptionContext"', 'Reveal trail');
      const text = await hover.innerText();
      assert.match(text, /Encryption context/);
      assert.match(text, /Open and decrypt|Reveal s3:\/\//);
      await screenshot('hover-encryption-context');
    },
  },
  {
    name: 'Open Log File… picks trail, region, day (newest first) and file',
    async run({ page, screenshot }) {
      const facts = world();
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await treeRow(pane, facts.trails.management.name).waitFor({ state: 'visible', timeout: 60_000 });
      await runCommand(page, 'CloudTrail: Open Log File');
      const input = page.locator(QUICK_INPUT);
      const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      const choose = async (text: string): Promise<void> => {
        await rows.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 30_000 });
        await input.fill(text);
        await page.waitForTimeout(200);
        await input.press('Enter');
      };
      await choose(facts.trails.management.name);
      await choose(facts.region);
      const { day, keys } = newestLogKeys(facts);
      // The region list stays on screen until the day list replaces it: wait for the day picker itself.
      await page.locator(`${QUICK_INPUT}[placeholder^="Which day"]`).waitFor({ state: 'visible', timeout: 30_000 });
      await rows
        .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await rows.first().innerText(), new RegExp(day), 'the newest day is not listed first');
      await input.press('Enter');
      const newestFile = (keys[keys.length - 1].split('/').pop() ?? '').replace(/\.gz$/, '');
      await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot('open-log-file-pick');
      await input.press('Enter');
      await editorWith(page, '"Records"');
      await page.locator('.tabs-container .tab', { hasText: newestFile }).first().waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
];
