import * as assert from 'node:assert/strict';
import type { UiTest } from '../uiTest';
import { QUICK_INPUT, openViewContainer, runCommand, viewPane } from '../workbench';
import { world } from '../worldFacts';

export const tests: UiTest[] = [
  {
    name: 'a failed command says what failed in one sentence, and Show Details opens the whole explanation',
    async run({ page, screenshot }) {
      const facts = world();
      const pane = viewPane(await openViewContainer(page, 'CloudTrail KMS'), 'Trails');
      await pane
        .locator('.monaco-list-row', { hasText: facts.trails.management.name })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      const missing = `s3://${facts.trails.management.bucket}/AWSLogs/${facts.accountId}/CloudTrail/${facts.region}/2026/11/26/no-such-file.json.gz`;
      await runCommand(page, 'CloudTrail: Open S3 URI or ARN');
      // The text box of our input (older workbenches also keep checkbox inputs in the quick-input widget).
      const input = page.locator(`${QUICK_INPUT}[placeholder^="s3://"]`);
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      await input.fill(missing);
      await input.press('Enter');
      // Toasts are hidden under the smoke-test driver: read the notification centre.
      await page.waitForTimeout(2_000);
      await runCommand(page, 'Notifications: Show Notifications');
      const notification = page
        .locator('.notifications-center .notification-list-item', { hasText: 'Could not open the log file' })
        .first();
      await notification.waitFor({ state: 'visible', timeout: 30_000 });
      const text = await notification.innerText();
      assert.match(text, /Could not open the log file: There is no object s3:\/\/.*no-such-file\.json\.gz\./);
      assert.doesNotMatch(text, /cloudtrail-log:|FileSystemError|Unable to read/, 'internal wording reached the user');
      assert.doesNotMatch(text, /List the folder/, 'the notification carries more than one sentence');
      await screenshot('command-error-notification');
      await notification.locator('.monaco-button', { hasText: 'Show Details' }).first().click();
      // The whole explanation (what happened, why, what to do) in a read-only document.
      const details = page.locator('.editor-instance .monaco-editor', { hasText: 'What to do' }).first();
      await details.waitFor({ state: 'visible', timeout: 30_000 });
      // The editor renders spaces as no-break spaces; the text is wrapped at 100 characters.
      const shown = (await details.innerText()).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
      assert.match(shown, /Could not open the log file: There is no object s3:\/\/.*no-such-file\.json\.gz\./);
      assert.match(shown, /The key may be mistyped/);
      assert.doesNotMatch(shown, /cloudtrail-log:|FileSystemError/, 'internal wording reached the details');
      await screenshot('command-error-details');
    },
  },
];
