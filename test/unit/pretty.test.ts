import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { prettyPrintJson, prettyPrintJsonBytes } from '../../src/core/logs/pretty';
import { ExplainedError } from '../../src/core/errors';
import { corpusFiles } from './explain/corpus';

const baseline = (text: string): string => JSON.stringify(JSON.parse(text), null, 2);

/** The bytes printer on the UTF-8 of `text` must give exactly the UTF-8 of `expected`. */
function assertBytes(text: string, expected: string, name: string): void {
  const out = prettyPrintJsonBytes(Buffer.from(text, 'utf8'));
  assert.ok(Buffer.from(out.buffer, out.byteOffset, out.byteLength).equals(Buffer.from(expected, 'utf8')), name);
}

/** The error both printers throw, with the message both must share. */
function notJsonMessage(run: () => unknown, input: string): string {
  let message = '';
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ExplainedError, input);
    assert.equal(error.code, 'NotJson');
    assert.match(error.message, /^The document is not valid JSON\./);
    message = error.message;
    return true;
  });
  return message;
}

test('prettyPrintJson equals JSON.stringify(JSON.parse(x), null, 2) on every corpus file', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 50, `corpus has ${files.length} files`);
  for (const file of files) {
    assert.equal(prettyPrintJson(file.text), baseline(file.text), file.name);
    assertBytes(file.text, baseline(file.text), file.name);
  }
});

test('prettyPrintJson equals the baseline on compact, odd-spaced and nested input', () => {
  const inputs = [
    '{}',
    '[]',
    '0',
    '-0.5',
    'true',
    'false',
    'null',
    '"x"',
    '  {"a" :1 ,"b":[ ] , "c" : { } }  ',
    '{"a":{"b":{"c":{"d":[1,[2,[3,[4,{}]]]]}}}}',
    '[[],[[]],{},{"":""}]',
    '{"Records":[{"eventVersion":"1.11","readOnly":true,"x":null}]}',
    '\t\r\n[\n1\n,\n2\n]\n',
    '{"emoji":"😀","é":"ü","cjk":"漢字"}',
    '[1.5,-2,0,100,1e+21]',
  ];
  for (const input of inputs) {
    assert.equal(prettyPrintJson(input), baseline(input), input);
    assertBytes(input, baseline(input), input);
  }
});

test('prettyPrintJson keeps string and number tokens verbatim (escapes, big numbers, trailing zeros)', () => {
  const cases: [string, string][] = [
    [
      '{"a":"\\u00e9\\n\\"\\/","n":12345678901234567890123,"f":1.10,"e":1E+400}',
      '{\n  "a": "\\u00e9\\n\\"\\/",\n  "n": 12345678901234567890123,\n  "f": 1.10,\n  "e": 1E+400\n}',
    ],
    ['["\\ud83d\\ude00", "\\uD83D"]', '[\n  "\\ud83d\\ude00",\n  "\\uD83D"\n]'],
  ];
  for (const [input, expected] of cases) {
    assert.equal(prettyPrintJson(input), expected);
    assertBytes(input, expected, input);
  }
});

test('prettyPrintJson encodes non-ASCII text as is and ignores a leading BOM', () => {
  assert.equal(prettyPrintJson('\ufeff{"k":"größe 😀"}'), '{\n  "k": "größe 😀"\n}');
  assertBytes('\ufeff{"k":"größe 😀"}', '{\n  "k": "größe 😀"\n}', 'BOM');
  // A lone surrogate cannot be UTF-8: U+FFFD, as TextEncoder does.
  assert.equal(prettyPrintJson('["a\ud800b"]'), '[\n  "a\ufffdb"\n]');
});

test('prettyPrintJson is fine with deep nesting and long strings', () => {
  const deep = '['.repeat(500) + ']'.repeat(500);
  assert.equal(prettyPrintJson(deep), baseline(deep));
  assertBytes(deep, baseline(deep), 'deep');
  const long = JSON.stringify({ s: 'x'.repeat(200_000), t: 'é'.repeat(100_000) });
  assert.equal(prettyPrintJson(long), baseline(long));
  assertBytes(long, baseline(long), 'long');
  // Several output buffer growths, with multi-byte characters and surrogate pairs at every possible boundary.
  const mixed = JSON.stringify({
    Records: Array.from({ length: 20_000 }, (_, i) => ({ i, s: 'ab😀é漢'.repeat(i % 7), n: null, t: [true, false, {}] })),
  });
  assert.equal(prettyPrintJson(mixed), baseline(mixed));
  assertBytes(mixed, baseline(mixed), 'mixed');
});

test('prettyPrintJson throws NotJson with a position for invalid JSON', () => {
  const cases: [string, RegExp][] = [
    ['', /Expected a JSON value at line 1, column 1/],
    ['{"a":1,}', /Expected a key in double quotes at line 1, column 8/],
    ['[1,]', /Expected a value/],
    ['{"a" 1}', /Expected ":"/],
    ['{"a":1', /Expected the rest of the object/],
    ['[1 2]', /Expected "," or "]"/],
    ['01', /nothing after the top-level value/],
    ['"\\x"', /a valid escape/],
    ['"\\u12G4"', /four hex digits/],
    ['"a\nb"', /no raw control character/],
    ['"abc', /closing quote/],
    ['{"a":tru}', /Expected a value/],
    ['-', /a digit/],
    ['1.', /a digit after the decimal point/],
    ['1e', /a digit in the exponent/],
    ['{"a":1}}', /nothing after the top-level value/],
    ['[}', /Expected a value/],
    ['{\n  "a": 1,\n  "b": ]\n}', /line 3, column 8/],
    ["{'a':1}", /a key in double quotes/],
    // Columns count characters (UTF-16 units, as the editor does), not bytes; "found" names the character.
    ['{"é":tru}', /line 1, column 6, but found "t"/],
    ['["😀" 1]', /Expected "," or "]" at line 1, column 7/],
    ['["ü"\n, é]', /line 2, column 3, but found "é"/],
    ['["x"\n, 😀]', /line 2, column 3, but found "\\ud83d"/],
  ];
  for (const [input, message] of cases) {
    const fromText = notJsonMessage(() => prettyPrintJson(input), input);
    assert.match(fromText, message, input);
    assert.equal(
      notJsonMessage(() => prettyPrintJsonBytes(Buffer.from(input, 'utf8')), input),
      fromText,
      input,
    );
    assert.throws(() => JSON.parse(input), SyntaxError, `baseline also rejects ${JSON.stringify(input)}`);
  }
});

test('prettyPrintJsonBytes replaces invalid UTF-8 with U+FFFD, as Buffer.toString does, and still validates', () => {
  const invalid: [string, number[]][] = [
    ['stray bytes in a string', [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]],
    ['a lone continuation byte', [0x5b, 0x22, 0x80, 0x22, 0x5d]],
    ['a truncated sequence before the quote', [0x5b, 0x22, 0xe6, 0xbc, 0x22, 0x5d]],
    ['an encoded surrogate (CESU-8)', [0x5b, 0x22, 0xed, 0xa0, 0xbd, 0x22, 0x5d]],
    ['an overlong slash', [0x5b, 0x22, 0xc0, 0xaf, 0x22, 0x5d]],
    ['a byte above F4', [0x5b, 0x22, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x22, 0x5d]],
  ];
  for (const [name, bytes] of invalid) {
    const input = Buffer.from(bytes);
    assert.ok(!isUtf8(input), name);
    const out = prettyPrintJsonBytes(input);
    assert.ok(isUtf8(out), `${name}: output is valid UTF-8`);
    const decoded = input.toString('utf8');
    assert.ok(decoded.includes('\ufffd'), name);
    assert.equal(Buffer.from(out).toString('utf8'), baseline(decoded), name);
  }
  // Invalid UTF-8 and invalid JSON: the error is the one for the replaced text, position in characters.
  const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x20, 0x78, 0x7d]); // {"a":"<FF>" x}
  assert.match(
    notJsonMessage(() => prettyPrintJsonBytes(bad), 'invalid UTF-8'),
    /Expected "," or "}" at line 1, column 10, but found "x"/,
  );
  assert.match(
    notJsonMessage(() => prettyPrintJsonBytes(Buffer.from([0x22, 0xc3])), 'truncated'),
    /closing quote of a string at line 1, column 3/,
  );
  // Outside strings, a non-ASCII byte is no JSON token whatever its encoding.
  assert.match(
    notJsonMessage(() => prettyPrintJsonBytes(Buffer.from([0x5b, 0xff, 0x5d])), 'stray'),
    /Expected a value .* at line 1, column 2, but found "\ufffd"/,
  );
});

test('prettyPrintJsonBytes reads a view at an offset (fetchLog hands out views on its receive buffer)', () => {
  const json = Buffer.from('{"k":["é",1]}');
  const padded = Buffer.concat([Buffer.from('xx\n{"'), json, Buffer.from('"]')]);
  const view = padded.subarray(5, 5 + json.length);
  assert.equal(Buffer.from(prettyPrintJsonBytes(view)).toString('utf8'), baseline(json.toString()));
  const invalidView = Buffer.concat([
    Buffer.from('\n\n'),
    Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x20, 0x31, 0x5d]),
    Buffer.from('['),
  ]).subarray(2, 9);
  assert.match(
    notJsonMessage(() => prettyPrintJsonBytes(invalidView), 'view'),
    /line 1, column 6/,
  );
  assert.match(
    notJsonMessage(() => prettyPrintJsonBytes(padded.subarray(3, 5)), 'view'),
    /closing quote of a string at line 1, column 3/,
  );
  assert.match(
    notJsonMessage(() => prettyPrintJsonBytes(new Uint8Array(0)), 'empty'),
    /Expected a JSON value at line 1, column 1, but found the end of the text/,
  );
});
