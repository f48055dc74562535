// The API of UI tests. A UI test module is any test/e2e/ui/**/*.ui.ts file (compiled to out/test/e2e/ui/**/*.ui.js)
// that exports `tests: UiTest[]`:
//
//   import type { UiTest } from '../uiTest';
//   export const tests: UiTest[] = [{ name: 'shows the trails', async run({ page, screenshot }) { ... } }];
//
// Each test gets a fresh browser page on which the workbench is already loaded (development copy of the extension,
// the e2e workspace folder open, the `.monaco-workbench` on screen). Tests run one after another, by default against
// the same code-server as the extension-host suite (see `server` below), with the smoke-test driver on: notification toasts are NOT shown, open
// the notification centre (status-bar bell) to read them. Helpers for clicking around are in ./workbench.ts.
// A failing test leaves test-results/ui-failure-<test name>.png behind.
import type { Page } from 'playwright-core';

export interface UiTestContext {
  page: Page;
  /** `http://127.0.0.1:<port>` of the code-server. */
  serverUrl: string;
  /** The folder open in the workbench (throw-away, shared by all tests of one run). */
  workspaceFolder: string;
  /** Saves a screenshot of the page to test-results/<name>.png and returns the path. */
  screenshot(name: string): Promise<string>;
  /** AWS requests seen so far by the counting proxy in front of the test AWS endpoint (all windows together). */
  awsRequestCount(): Promise<number>;
  /** On the 'pseudo-locale' server: the pseudo-localized text of an English manifest string or l10n.t message. */
  pseudo?(english: string): string;
}

export interface UiTest {
  name: string;
  /** 'shared' (default): the server of the whole run, with the e2e environment (sandbox) of environment.ts.
   * 'no-aws': a separate server whose VS Code has no AWS credentials, profile or endpoint (a first-time user);
   * these tests run last, after the shared server is stopped.
   * 'restricted': a separate server with the e2e environment (sandbox) whose workspace folder is NOT trusted (Restricted
   * Mode); its folder holds `.vscode/settings.json` with hostile values of every cloudtrailKms setting.
   * 'pseudo-locale': like 'no-aws', but VS Code's display language is the pseudo language qps-ploc and the extension
   * carries pseudo-localized bundles (pseudoLocale.ts); `pseudo(english)` gives the text the extension should show. */
  server?: 'shared' | 'no-aws' | 'restricted' | 'pseudo-locale';
  /** 'development' (default): the window loads the extension from the repository. 'installed': the window loads the
   * copy installed from the packaged .vsix (an empty placeholder is the development extension; 'shared' server only). */
  extension?: 'development' | 'installed';
  /** Default 120 s. */
  timeoutMs?: number;
  run(context: UiTestContext): Promise<void>;
}
