// extensionTestsPath of the window that checks the installed .vsix (loaded next to an empty placeholder
// development extension, without which VS Code runs no tests).
import { findTestFiles, runMocha } from '../mochaHost';

export function run(): Promise<void> {
  return runMocha(findTestFiles(__dirname));
}
