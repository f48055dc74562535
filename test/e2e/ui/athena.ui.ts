import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { fetchLog } from '../../../src/aws/fetchLog';
import { queueAthenaAnswer } from '../motoFacts';
import { withSandboxClients } from '../sandboxClients';
import type { UiTest } from '../uiTest';
import { openViewContainer, QUICK_INPUT, runContextMenuItem, viewPane } from '../workbench';
import { newestLogKeys, world } from '../worldFacts';
import { treeRow } from './treeRows';

type LogRecord = Record<string, unknown> & { eventTime: string; eventName: string; eventID: string };

/** Two real records of each of the newest day's first two logs (read from the sandbox outside the workbench). */
async function sandboxRows(): Promise<{ day: string; rows: { record: LogRecord; key: string }[] }> {
  const facts = world();
  const { day, keys } = newestLogKeys(facts);
  const bucket = facts.trails.management.bucket;
  const rows = await withSandboxClients(async (clients, sandbox) => {
    const out: { record: LogRecord; key: string }[] = [];
    for (const key of keys.slice(0, 2)) {
      const records = (JSON.parse((await fetchLog(clients, { bucket, key, region: sandbox.region })).text) as { Records: LogRecord[] })
        .Records;
      out.push(...records.slice(0, 2).map((record) => ({ record, key })));
    }
    return out;
  });
  return { day, rows };
}

async function trailRow(page: Page) {
  const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
  const row = treeRow(pane, world().trails.management.name);
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  return row;
}

export const tests: UiTest[] = [
  {
    name: "Find Events with Athena from a trail's context menu: Athena's rows (moto) as events, one opened at its event",
    timeoutMs: 150_000,
    async run({ page, screenshot }) {
      const trail = world().trails.management;
      const { day, rows } = await sandboxRows();
      assert.ok(rows.length >= 3, 'records in the newest logs');
      // Athena's rows in no particular order (newest first), each naming its log object as "$path".
      const queued = [...rows].sort((a, b) => b.record.eventTime.localeCompare(a.record.eventTime));
      await queueAthenaAnswer(queued.map(({ record, key }) => ({ record, logObject: `s3://${trail.bucket}/${key}` })));

      await runContextMenuItem(page, await trailRow(page), 'Find Events with Athena…');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      const title = page.locator('.quick-input-widget .quick-input-title', { hasText: `Find Events with Athena in ${trail.name}` });
      await title.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`from:${day} to:${day}`);
      await screenshot('athena-query');
      await input.press('Enter');

      const editor = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
      await editor.waitFor({ state: 'visible', timeout: 60_000 });
      await editor
        .locator('.codelens-decoration', { hasText: new RegExp(`${rows.length} events · .*scanned`) })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      await page
        .locator('.tabs-container .tab.active', { hasText: /^events-.*\.json/ })
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 });
      // The oldest event first: its lens names its log file.
      const oldest = [...rows].sort((a, b) => a.record.eventTime.localeCompare(b.record.eventTime))[0];
      const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);
      const lenses = editor.locator('.codelens-decoration a', { hasText: '.json' });
      await lenses.first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal((await lenses.first().innerText()).trim(), fileOf(oldest.key));
      // Its record is the first in the document (its time shown, the rest below).
      await editor
        .locator('.view-line', { hasText: `"eventTime": "${oldest.record.eventTime}"` })
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 });
      await screenshot('athena-results');

      // A result from the second log opened at its event.
      const other = rows.find((row) => row.key !== oldest.key);
      assert.ok(other, 'an event in another log');
      // Scrolled to its record with Find (its lens sits on the line above the record).
      await editor.click();
      await page.keyboard.press('Control+F');
      await page.keyboard.type(`"eventTime": "${other.record.eventTime}"`);
      await page.keyboard.press('Escape');
      await editor
        .locator('.codelens-decoration a', { hasText: fileOf(other.key) })
        .first()
        .click();
      const short = fileOf(other.key).replace(/\.gz$/, '');
      await page.locator('.tabs-container .tab.active', { hasText: short }).first().waitFor({ state: 'visible', timeout: 60_000 });
      const log = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
      await log
        .locator('.view-line', { hasText: `"eventTime": "${other.record.eventTime}"` })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot('athena-opened-at-event');
    },
  },
];
