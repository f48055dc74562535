// extensionTestsPath of the main extension-host run: mocha over every out/test/e2e/suite/**/*.test.js.
// activation.test.js runs first: it checks that activation made no AWS call, before any other test makes one.
import { basename } from 'node:path';
import { findTestFiles, runMocha } from '../mochaHost';

export function run(): Promise<void> {
  const files = findTestFiles(__dirname).sort(
    (a, b) => Number(basename(b) === 'activation.test.js') - Number(basename(a) === 'activation.test.js'),
  );
  return runMocha(files);
}
