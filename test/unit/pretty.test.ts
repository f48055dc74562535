import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prettyPrintJson } from '../../src/core/pretty';
import { ExplainedError } from '../../src/core/errors';
import { corpusFiles } from './explain/corpus';

const baseline = (text: string): string => JSON.stringify(JSON.parse(text), null, 2);

test('prettyPrintJson equals JSON.stringify(JSON.parse(x), null, 2) on every corpus file', () => {
  const files = corpusFiles();
  assert.ok(files.length >= 50, `corpus has ${files.length} files`);
  for (const file of files) assert.equal(prettyPrintJson(file.text), baseline(file.text), file.name);
});

test('prettyPrintJson equals the baseline on compact, odd-spaced and nested input', () => {
  const inputs = [
    '{}', '[]', '0', '-0.5', 'true', 'false', 'null', '"x"', '  {"a" :1 ,"b":[ ] , "c" : { } }  ',
    '{"a":{"b":{"c":{"d":[1,[2,[3,[4,{}]]]]}}}}', '[[],[[]],{},{"":""}]', '{"Records":[{"eventVersion":"1.11","readOnly":true,"x":null}]}',
    '\t\r\n[\n1\n,\n2\n]\n', '{"emoji":"😀","é":"ü","cjk":"漢字"}', '[1.5,-2,0,100,1e+21]',
  ];
  for (const input of inputs) assert.equal(prettyPrintJson(input), baseline(input), input);
});

test('prettyPrintJson keeps string and number tokens verbatim (escapes, big numbers, trailing zeros)', () => {
  assert.equal(prettyPrintJson('{"a":"\\u00e9\\n\\"\\/","n":12345678901234567890123,"f":1.10,"e":1E+400}'),
    '{\n  "a": "\\u00e9\\n\\"\\/",\n  "n": 12345678901234567890123,\n  "f": 1.10,\n  "e": 1E+400\n}');
  assert.equal(prettyPrintJson('["\\ud83d\\ude00", "\\uD83D"]'), '[\n  "\\ud83d\\ude00",\n  "\\uD83D"\n]');
});

test('prettyPrintJson encodes non-ASCII text as is and ignores a leading BOM', () => {
  assert.equal(prettyPrintJson('\ufeff{"k":"größe 😀"}'), '{\n  "k": "größe 😀"\n}');
});

test('prettyPrintJson is fine with deep nesting and long strings', () => {
  const deep = '['.repeat(500) + ']'.repeat(500);
  assert.equal(prettyPrintJson(deep), baseline(deep));
  const long = JSON.stringify({ s: 'x'.repeat(200_000), t: 'é'.repeat(100_000) });
  assert.equal(prettyPrintJson(long), baseline(long));
  // Several output segments, with multi-byte characters and surrogate pairs at every possible boundary.
  const mixed = JSON.stringify({ Records: Array.from({ length: 20_000 }, (_, i) => ({ i, s: 'ab😀é漢'.repeat(i % 7), n: null, t: [true, false, {}] })) });
  assert.equal(prettyPrintJson(mixed), baseline(mixed));
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
  ];
  for (const [input, message] of cases) {
    assert.throws(() => prettyPrintJson(input), (error: unknown) => {
      assert.ok(error instanceof ExplainedError, input);
      assert.equal(error.code, 'NotJson');
      assert.match(error.message, message, input);
      assert.match(error.message, /^The document is not valid JSON\./);
      return true;
    });
    assert.throws(() => JSON.parse(input), SyntaxError, `baseline also rejects ${JSON.stringify(input)}`);
  }
});
