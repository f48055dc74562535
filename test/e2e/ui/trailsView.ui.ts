import type { UiTest } from '../uiTest';
import { openViewContainer, viewPane, waitForIdle } from '../workbench';

export const tests: UiTest[] = [
  {
    name: 'the CloudTrail KMS activity-bar item opens the Trails view with its welcome text',
    async run({ page, screenshot }) {
      const sidebar = await openViewContainer(page, 'CloudTrail KMS');
      const trails = viewPane(sidebar, 'Trails');
      const welcome = trails.locator('.welcome-view-content');
      await welcome.getByText('No CloudTrail trails to show yet.').waitFor({ state: 'visible', timeout: 60_000 });
      await waitForIdle(page);
      await screenshot('trails-view-welcome');
    },
  },
];
