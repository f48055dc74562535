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

test('bytes: a lone 0x80–0x9F (no part of well-formed UTF-8) is written \\xHH; the same bytes inside characters are kept', () => {
  const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
  // 0x9B is CSI to a terminal in 8-bit mode: `cat --raw` of a log that is not UTF-8 must not pass it on.
  assert.equal(latin1(escapeTerminalBytes(Buffer.from([0x61, 0x9b, 0x33, 0x31, 0x6d, 0x85, 0x9d]))), 'a\\x9b31m\\x85\\x9d');
  // Continuation bytes 0x80–0x9F of real characters: € (E2 82 AC), Ā (C4 80), 😀 (F0 9F 98 80), ‘ (E2 80 98).
  const clean = Buffer.from('€Ā😀‘ \u0800\uffff\u{10ffff}', 'utf8');
  assert.equal(escapeTerminalBytes(clean), clean);
  // Ill-formed: overlong E0 9B, surrogate ED A0 80, bad lead C0, truncated E2 80 at the end, beyond U+10FFFF F4 90.
  const bad = Buffer.from([0xe0, 0x9b, 0x2e, 0xed, 0xa0, 0x80, 0x2e, 0xc0, 0x9b, 0x2e, 0xf4, 0x90, 0x80, 0x80, 0x2e, 0xe2, 0x80]);
  assert.equal(latin1(escapeTerminalBytes(bad)), '\xe0\\x9b.\xed\xa0\\x80.\xc0\\x9b.\xf4\\x90\\x80\\x80.\xe2\\x80');
});

test('bytes: random mixes of characters, lone C1 bytes and cut sequences escape exactly the unsafe parts', () => {
  let seed = 12;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let round = 0; round < 2_000; round++) {
    const input: number[] = [];
    let expected = '';
    for (let token = 0; token < 12; token++) {
      const kind = random();
      if (kind < 0.5) {
        let code = Math.floor(random() * (random() < 0.5 ? 0x300 : 0x110000));
        if (code >= 0xd800 && code <= 0xdfff) code = 0x9b;
        const char = String.fromCodePoint(code);
        input.push(...Buffer.from(char, 'utf8'));
        expected += Buffer.from(escapeTerminalText(char), 'utf8').toString('latin1');
      } else if (kind < 0.75) {
        const b = 0x80 + Math.floor(random() * 0x20);
        input.push(b);
        expected += `\\x${b.toString(16)}`;
      } else {
        // A character of 2–4 bytes cut short, then ASCII: the lead stays, its continuation bytes are lone.
        const char = String.fromCodePoint([0x80, 0x800, 0x10000][Math.floor(random() * 3)] + Math.floor(random() * 0x700));
        const bytes = Buffer.from(char, 'utf8');
        const cut = bytes.subarray(0, 1 + Math.floor(random() * (bytes.length - 1)));
        input.push(...cut, 0x7a);
        expected += String.fromCharCode(cut[0]);
        for (const b of cut.subarray(1)) expected += b <= 0x9f ? `\\x${b.toString(16)}` : String.fromCharCode(b);
        expected += 'z';
      }
    }
    assert.equal(Buffer.from(escapeTerminalBytes(Uint8Array.from(input))).toString('latin1'), expected, Buffer.from(input).toString('hex'));
  }
});
