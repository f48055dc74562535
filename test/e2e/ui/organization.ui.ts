// Issue 15 as a log-archive reader sees it: no trail to start from (CloudTrail refuses), so the organization's bucket is
// pinned with "CloudTrail: Add Log Location…", browsed down to a member account's day, and a log opened decrypted.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { UiTest } from '../uiTest';
import { openViewContainer, QUICK_INPUT, runCommand, viewPane, waitForIdle } from '../workbench';
import { world } from '../worldFacts';
import { restoreDefaultProfile, selectProfile } from './quickAnswers';
import { expand, logFileRow, treeRow } from './treeRows';

async function pick(page: Page, command: string, placeholder: string, text: string): Promise<void> {
  await runCommand(page, command);
  const input = page.locator(`${QUICK_INPUT}[placeholder^="${placeholder}"]`);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(text);
  await page.waitForTimeout(300);
  await input.press('Enter');
  await waitForIdle(page);
}

export const tests: UiTest[] = [
  {
    name: 'organization: the log-archive reader adds a log location and opens a member account’s log from it',
    timeoutMs: 240_000,
    async run({ page, screenshot }) {
      const org = world().organization;
      if (!org) throw new Error('the sandbox was started without its organization world');
      const bucket = org.trails.organization.bucket;
      const member = org.memberAccountIds[0];
      const region = org.regions[0];
      const day = org.trails.organization.days[org.trails.organization.days.length - 1];
      const keys = org.trails.organization.logKeys[member][region][day];
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await treeRow(pane, world().trails.management.name).waitFor({ state: 'visible', timeout: 60_000 });
      try {
        await selectProfile(page, 'sandbox-log-archive');
        await waitForIdle(page);
        await pick(page, 'CloudTrail: Add Log Location', 's3://', `s3://${bucket}`);
        const location = treeRow(pane, `s3://${bucket}/`);
        await location.waitFor({ state: 'visible', timeout: 60_000 });
        // Add Log Location reveals the new row and expands it itself: wait for that rather than click it (a click while
        // it is expanding collapses it again).
        for (let i = 0; i < 60 && (await location.getAttribute('aria-expanded')) !== 'true'; i++) await page.waitForTimeout(500);
        await expand(pane, [`s3://${bucket}/`, `Organization ${org.id}`, member, 'CloudTrail', region, day]);
        const newest = logFileRow(pane, keys[keys.length - 1]);
        await newest.waitFor({ state: 'visible', timeout: 60_000 });
        assert.match(await location.innerText(), new RegExp(`organization ${org.id}`), 'the layout found is shown on the row');
        await screenshot('organization-log-location-day');
        await newest.click();
        const editor = page.locator('.editor-instance .monaco-editor', { hasText: '"Records"' }).first();
        await editor.waitFor({ state: 'visible', timeout: 60_000 });
        // The key that decrypted the file now shows under the location.
        await pane.locator('.monaco-list-row', { hasText: 'decrypted 1 file here' }).first().waitFor({ state: 'visible', timeout: 30_000 });
        await screenshot('organization-log-location-opened');
      } catch (error) {
        // The clean-up below changes the screen: keep what the failure looked like.
        await screenshot('ui-failure-organization-before-clean-up').catch(() => undefined);
        throw error;
      } finally {
        await pick(page, 'CloudTrail: Remove Log Location', 'Which location', `s3://${bucket}/`).catch(() => undefined);
        await restoreDefaultProfile(page);
      }
    },
  },
];
