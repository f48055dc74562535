// Packages the extension as a .vsix, offline, from the bundled dist/ (run `npm run build` first). Used by the e2e
// runner (installed-copy check) and by `npm run demo`, which installs it with codeServer.installExtension().
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export async function packageVsix(repo: string, outFile: string): Promise<string> {
  if (!existsSync(join(repo, 'dist', 'extension.js')))
    throw new Error(`${join(repo, 'dist', 'extension.js')} is missing: run \`npm run build\` first`);
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [repo] });
  // The README's pictures ship in the package (media/walkthrough/), so its relative links stay relative: VS Code shows
  // them from the installed copy. (vsce would otherwise want a GitHub/GitLab repository to rewrite them to; the same
  // flag is in `npm run package`.)
  await new Promise<void>((done, reject) => {
    const child = spawn(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', outFile], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? done() : reject(new Error(`vsce package failed (exit ${code}):\n${output}`))));
  });
  return outFile;
}
