import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { QueryError } from '../../../src/core/search/queryError';
import { formatQuery } from '../../../src/core/search/queryFormat';
import { parseQuery } from '../../../src/core/search/queryParse';
import { parseTimePoint } from '../../../src/core/search/timeRange';

/** The README's "Query language" section (from the repository root, two levels above out/test/). */
const README = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Query language'), README.indexOf('\n## ', README.indexOf('## Query language') + 1));

test('every query in the README section parses and survives the round trip', () => {
  assert.ok(SECTION.length > 1000, 'the section is there');
  const blocks = [...SECTION.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1]);
  const queries = blocks.flatMap((block) => block.split('\n').filter((line) => line.trim() !== ''));
  // The examples column of the field table: `…` spans that start with a field or a quote.
  const table = SECTION.split('\n').filter((line) => line.startsWith('| `'));
  const inline = table.flatMap((line) => [...(line.split('|')[3] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]));
  assert.ok(queries.length >= 5 && inline.length >= 15, `${queries.length} queries, ${inline.length} inline examples`);
  for (const text of [...queries, ...inline]) {
    const query = parseQuery(text);
    assert.deepEqual(parseQuery(formatQuery(query)), query, text);
  }
});

test('the time forms the README lists are the ones the parser reads', () => {
  const lines = SECTION.split('\n');
  const header = lines.indexOf('| Form | Means |');
  const rows = lines.slice(header + 2, lines.indexOf('', header));
  const forms = rows.flatMap((line) => [...line.split('|')[1].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
  assert.ok(forms.length >= 10, forms.join(' '));
  for (const form of forms) assert.ok(parseTimePoint(form), form);
});

test('the README error example is the parser’s message', () => {
  assert.throws(
    () => parseQuery('name:Decrypt nmae:Encrypt'),
    (error: unknown) => error instanceof QueryError && SECTION.includes(error.message.slice(0, 62)),
  );
});
