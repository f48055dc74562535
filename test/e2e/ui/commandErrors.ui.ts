import * as assert from 'node:assert/strict';
import type { UiTest } from '../uiTest';
import { QUICK_INPUT, openViewContainer, runCommand, viewPane } from '../workbench';
import { world } from '../worldFacts';

export const tests: UiTest[] = [
  {
    name: 'a failed command says what failed in one sentence, and Show Details opens the explanation in the log',
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
      const output = page.locator('.part.panel .monaco-editor', { hasText: '[s3] Could not open the log file' }).first();
      await output.waitFor({ state: 'visible', timeout: 30_000 });
      // The whole explanation is in the log (the editor renders spaces as no-break spaces).
      assert.match((await output.innerText()).replace(/\u00a0/g, ' '), /\[error\] \[s3\] Could not open the log file: There is no object/);
      assert.match((await output.innerText()).replace(/\u00a0/g, ' '), /The key may be mistyped/);
      await screenshot('command-error-details');
    },
  },
];
