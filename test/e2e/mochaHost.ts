// Runs mocha inside the VS Code extension host (the tests use the real `vscode` API). The report goes to console.log,
// which the workbench forwards to the runner through `codeAutomationLog`, together with the workbench's own chatter;
// report lines carry REPORT_MARK so the runner shows only them (the rest goes to test-results/e2e-logs/). The last
// line is a machine-readable `E2E-RESULT {"passed":n,"failed":n,"pending":n}` that the runner counts. `run()` rejects on any failure, which
// makes the workbench report exit code 1 through `codeAutomationExit`.
// $CLOUDTRAIL_KMS_E2E_GREP runs only the tests whose full title matches it.
import Mocha from 'mocha';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export const REPORT_MARK = '[e2e] ';
export const RESULT_PREFIX = 'E2E-RESULT ';

/** console.log for the runner's screen. Formats here: the workbench forwards console arguments unformatted. */
export function report(...args: unknown[]): void {
  console.log(
    format(...args)
      .split('\n')
      .map((line) => `${REPORT_MARK}${line}`)
      .join('\n'),
  );
}

export function findTestFiles(dir: string, suffix = '.test.js', out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTestFiles(path, suffix, out);
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

export function runMocha(files: string[]): Promise<void> {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000 });
  const grep = process.env.CLOUDTRAIL_KMS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        report(`${RESULT_PREFIX}${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else if (stats.passes === 0 && !grep) {
          report('no extension-host test ran; files: %s', files.join(', ') || '(none)');
          reject(new Error('no extension-host test ran'));
        } else resolve();
      });
    } catch (error) {
      report('mocha could not load the tests: %s', error instanceof Error ? error.stack : error);
      reject(error);
    }
  });
}
