/**
 * PrettyPrintStream (the printer fed the gunzip stream's chunks as they arrive) must give exactly what
 * prettyPrintJsonBytes gives on the whole input — the same bytes, or the same error — wherever the pieces are cut:
 * inside strings, escapes, \u sequences, multi-byte characters, numbers and literals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prettyPrintJsonBytes, PrettyPrintStream } from '../../src/core/logs/pretty';
import { corpusFiles } from './explain/corpus';

function whole(input: Buffer): { bytes?: Buffer; error?: string } {
  try {
    return { bytes: Buffer.from(prettyPrintJsonBytes(input)) };
  } catch (error) {
    return { error: String(error) };
  }
}

function streamed(input: Buffer, cuts: number[]): { bytes?: Buffer; error?: string } {
  const stream = new PrettyPrintStream(16);
  let at = 0;
  for (const cut of [...cuts, input.length]) {
    stream.write(input.subarray(at, cut));
    at = cut;
  }
  try {
    return { bytes: Buffer.from(stream.end(() => input)) };
  } catch (error) {
    return { error: String(error) };
  }
}

/** A deterministic generator (mulberry32): the cuts are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SMALL = [
  '{"a":"\\u00e9\\n\\"\\/","n":12345678901234567890123,"f":-1.10e+5,"t":true,"x":false,"z":null}',
  '[1,-0,0.5,1E-7,"😀é漢","\\ud83d\\ude00",[],{},[[{"k":[true,null]}]]]',
  '\ufeff  {"BOM" : [ 1 , 2 ] }  ',
  '12345',
  '-0.25e-3',
  'true',
  '"just a string with \\\\ and \\""',
  // Invalid: the same error whole and streamed, wherever the cut.
  '{"a":1,}',
  '[1 2]',
  '"\\x"',
  '"\\u12G4"',
  '{"a":tru}',
  '1.',
  '1e+',
  '[1,2',
  '"abc',
  '{"a":1}}',
  '[nul]',
];

test('streamed equals whole for every single cut of small documents, valid and invalid', () => {
  for (const text of SMALL) {
    const input = Buffer.from(text, 'utf8');
    const expected = whole(input);
    for (let cut = 0; cut <= input.length; cut++) {
      assert.deepEqual(streamed(input, [cut]), expected, `${text} cut at ${cut}`);
    }
    // Every byte its own piece.
    assert.deepEqual(
      streamed(
        input,
        Array.from({ length: input.length }, (_, i) => i),
      ),
      expected,
      `${text} byte by byte`,
    );
  }
});

test('streamed equals whole on every corpus file, cut at random places', () => {
  const next = random(19);
  for (const file of corpusFiles()) {
    const input = Buffer.from(file.text, 'utf8');
    for (let round = 0; round < 4; round++) {
      const cuts = Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * input.length)).sort((a, b) => a - b);
      assert.deepEqual(streamed(input, cuts), whole(input), `${file.name} cuts ${cuts.join(',')}`);
    }
  }
});

test('streamed equals whole on a large document in 64 KB pieces (several output growths) and on invalid UTF-8', () => {
  const big = Buffer.from(
    JSON.stringify({
      Records: Array.from({ length: 20_000 }, (_, i) => ({ i, s: 'ab😀é漢\\"'.repeat(i % 7), n: null, t: [true, false, {}], f: i / 7 })),
    }),
  );
  const cuts: number[] = [];
  for (let at = 65_536; at < big.length; at += 65_536) cuts.push(at);
  assert.deepEqual(streamed(big, cuts), whole(big));
  const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
  for (let cut = 0; cut <= invalidUtf8.length; cut++) assert.deepEqual(streamed(invalidUtf8, [cut]), whole(invalidUtf8));
});
