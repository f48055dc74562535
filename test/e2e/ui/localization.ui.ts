import * as assert from 'node:assert/strict';
import type { UiTest } from '../uiTest';
import { activityBarItem, runCommand } from '../workbench';

const COPY_ARN_HINT = 'Select a trail, key, folder or log file in the Trails view to copy its ARN.';

export const tests: UiTest[] = [
  {
    name: 'in the pseudo language qps-ploc the command palette, the view container and a message show the pseudo-localized words',
    server: 'pseudo-locale',
    async run({ page, screenshot, pseudo }) {
      if (!pseudo) throw new Error('runs only on the pseudo-locale server');
      // The manifest's words come from package.nls.qps-ploc.json.
      const container = pseudo('CloudTrail KMS');
      assert.notEqual(container, 'CloudTrail KMS');
      await activityBarItem(page, container).waitFor({ state: 'visible', timeout: 60_000 });
      const title = `${pseudo('CloudTrail')}: ${pseudo('Copy ARN')}`;
      await runCommand(page, title);
      // The message comes from vscode.l10n.t through l10n/bundle.l10n.qps-ploc.json (toasts are hidden under the
      // smoke-test driver: read the notification centre, whose own words stay English with this language pack).
      const message = pseudo(COPY_ARN_HINT);
      assert.notEqual(message, COPY_ARN_HINT);
      await page.waitForTimeout(2_000);
      await runCommand(page, 'Notifications: Show Notifications');
      const notification = page.locator('.notifications-center .notification-list-item', { hasText: message }).first();
      await notification.waitFor({ state: 'visible', timeout: 30_000 });
      assert.doesNotMatch(await page.locator('.notifications-center').innerText(), /Select a trail, key, folder/);
      await screenshot('pseudo-locale-message');
    },
  },
];
