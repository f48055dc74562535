// Issue 12, item 5: the one terminal escaper, for text and for bytes, and the CLI's io passing through it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand, defineCommand } from '../../../src/cli/command';
import { escapeTerminalBytes, escapeTerminalText, isTerminalUnsafe } from '../../../src/cli/terminalText';
import { formatTable } from '../../../src/cli/textTable';

const HOSTILE = '\u001b]0;title\u0007\u001b[2J\u009b31m\r\u202eabc\u202c\u2066\u061c\u200f\u2028\u007f';

test('every C0 (but tab and newline), DEL, C1 and bidi control is written as \\uXXXX; the rest is untouched', () => {
  assert.equal(
    escapeTerminalText(HOSTILE),
    '\\u001b]0;title\\u0007\\u001b[2J\\u009b31m\\u000d\\u202eabc\\u202c\\u2066\\u061c\\u200f\\u2028\\u007f',
  );
  const plain = 'alice\té ü 日本 🙂\nline\r\n';
  assert.equal(escapeTerminalText(plain), plain);
  for (let code = 0; code < 0x3000; code++) {
    const escaped = escapeTerminalText(String.fromCharCode(code));
    assert.equal(escaped !== String.fromCharCode(code), isTerminalUnsafe(code), `U+${code.toString(16)}`);
  }
});

test('bytes: the same escapes on UTF-8 (so valid JSON stays the same JSON); the same buffer when clean', () => {
  const json = Buffer.from(JSON.stringify({ v: HOSTILE, ok: 'é日🙂' }), 'utf8');
  const escaped = Buffer.from(escapeTerminalBytes(json)).toString('utf8');
  assert.equal(escaped, escapeTerminalText(json.toString('utf8')));
  assert.deepEqual(JSON.parse(escaped), { v: HOSTILE, ok: 'é日🙂' });
  const clean = Buffer.from('{"a": "é日🙂 \u2019 \u20ac"}\r\n');
  assert.equal(escapeTerminalBytes(clean), clean);
  // Every code point below U+3000 agrees between the two forms.
  for (let code = 0; code < 0x3000; code++) {
    if (code >= 0xd800) break;
    const char = String.fromCharCode(code);
    assert.equal(
      Buffer.from(escapeTerminalBytes(Buffer.from(`x${char}y`))).toString('utf8'),
      escapeTerminalText(`x${char}y`),
      `U+${code.toString(16)}`,
    );
  }
});

test('linear: 1 MB of ESC', () => {
  const bad = '\u001b'.repeat(1024 * 1024);
  assert.equal(escapeTerminalText(bad).length, bad.length * 6);
  assert.equal(escapeTerminalBytes(Buffer.from(bad)).length, bad.length * 6);
});

test('a command that prints a log value and fails with an endpoint message: both reach the io escaped', async () => {
  let stdout = '';
  let stderr = '';
  const command = defineCommand({
    usage: 'x',
    aws: false,
    parse: () => undefined,
    async run({ io }) {
      io.stdout.write(`value: ${HOSTILE}\n`);
      io.stdout.write(Buffer.from(HOSTILE));
      throw new Error(`endpoint said ${HOSTILE}`);
    },
  });
  const code = await runCommand(command, [], {
    stdout: { write: (chunk: string | Uint8Array) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  assert.equal(code, 1);
  assert.equal(stdout, `value: ${escapeTerminalText(HOSTILE)}\n${escapeTerminalText(HOSTILE)}`);
  assert.equal(stderr, `endpoint said ${escapeTerminalText(HOSTILE)}\n`);
});

test('table cells are escaped on one line: a newline in an S3 key prints no row of its own', () => {
  const table = formatTable(['SIZE', 'LOCATION'], [['1', 's3://b/a\nFAKE ROW\t\u001b[2J']]);
  assert.equal(table, 'SIZE  LOCATION\n1     s3://b/a\\u000aFAKE ROW\\u0009\\u001b[2J\n');
});
