// Runs node:test over every *.test.js below the given folders (Node 20 has no glob for --test).
// `node scripts/run-node-tests.mjs out/test/unit [more folders] [-- extra node --test args]`
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const folders = split === -1 ? args : args.slice(0, split);
const extra = split === -1 ? [] : args.slice(split + 1);

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out;
}

const files = [];
for (const folder of folders) {
  if (!existsSync(folder)) {
    console.error(`run-node-tests: ${folder} does not exist (did "npm run compile" run?)`);
    process.exit(2);
  }
  collect(folder, files);
}
if (files.length === 0) {
  console.error(`run-node-tests: no *.test.js files under ${folders.join(', ')}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...extra, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
