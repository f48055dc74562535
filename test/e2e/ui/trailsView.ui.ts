import type { UiTest } from '../uiTest';
import { openViewContainer, viewPane, waitForIdle } from '../workbench';

export const tests: UiTest[] = [
  {
    name: 'without AWS credentials, the activity-bar item opens the Trails view with its welcome text',
    server: 'no-aws',
    async run({ page, screenshot, awsRequestCount }) {
      const sidebar = await openViewContainer(page, 'CloudTrail KMS');
      const welcome = viewPane(sidebar, 'Trails').locator('.welcome-view-content');
      await welcome.getByText('No AWS credentials were found for the current profile.').waitFor({ state: 'visible', timeout: 60_000 });
      await welcome.getByRole('button', { name: 'Use the Local Sandbox' }).waitFor({ state: 'visible', timeout: 10_000 });
      await waitForIdle(page);
      await screenshot('trails-view-welcome');
      // Without credentials the SDK must stop before sending anything.
      if ((await awsRequestCount()) !== 0) throw new Error(`${await awsRequestCount()} AWS request(s) were sent without credentials`);
    },
  },
];
