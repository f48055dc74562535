import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS } from '../corpusPath';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const SEED = join(CORPUS, 'seed', '2-log-file-stored-generatedatakey.json');

test('cli output piped into a reader that stops early (`| head`) ends quietly with exit 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctkms-pipe-'));
  try {
    // Far more output than a pipe buffer holds, so the CLI is still writing when the reader leaves.
    const record = JSON.parse(readFileSync(SEED, 'utf8'));
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify({ Records: Array.from({ length: 400 }, () => record) }));
    const child = spawn(process.execPath, [CLI, 'explain', file, '--all'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const firstLine = await new Promise<string>((resolve) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('\n')) {
          child.stdout.destroy();
          resolve(seen.slice(0, seen.indexOf('\n')));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(JSON.parse(firstLine).path, 'Records[0].eventVersion');
    assert.equal(code, 0, `exit code ${code}; stderr: ${stderr}`);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
