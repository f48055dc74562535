import { test } from 'node:test';
import assert from 'node:assert/strict';

import { aliasesToResolve, keyCandidates, parseKeyRef, resolveKeyAliases } from '../../../src/core/search/keys';
import { parseQuery } from '../../../src/core/search/queryParse';

const ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const ARN = `arn:aws:kms:us-west-2:111122223333:key/${ID}`;

test('parseKeyRef reads the four forms and refuses the rest', () => {
  assert.deepEqual(parseKeyRef(ARN), { text: ARN, kind: 'keyArn', keyId: ID, region: 'us-west-2', account: '111122223333' });
  assert.deepEqual(parseKeyRef('alias/aws/ebs'), { text: 'alias/aws/ebs', kind: 'aliasName', aliasName: 'alias/aws/ebs' });
  assert.equal(parseKeyRef('arn:aws-cn:kms:cn-north-1:111122223333:alias/x')?.kind, 'aliasArn');
  for (const bad of [
    '',
    'alias/',
    'alias/has space',
    `${ID}0`,
    'mrk-123',
    'arn:aws:kms:us-west-2:111122223333:key/7944f0ec-EXAMPLE',
    `arn:aws:kms::111122223333:key/${ID}`,
    `arn:aws:s3:::${ID}`,
  ])
    assert.equal(parseKeyRef(bad), undefined, bad);
});

test('candidates: a key by id and ARN, an alias by name and ARN suffix, a resolved alias by its key too', () => {
  const query = parseQuery(`key:${ARN},alias/cloudtrail-logs`);
  assert.deepEqual(keyCandidates(query.keys), {
    exact: [ARN, ID, 'alias/cloudtrail-logs'],
    suffixes: [`:key/${ID}`, ':alias/cloudtrail-logs'],
  });
  const other = '0987dcba-09fe-87dc-65ba-ab0987654321';
  const resolved = keyCandidates(query.keys, new Map([['alias/cloudtrail-logs', `arn:aws:kms:us-west-2:111122223333:key/${other}`]]));
  assert.ok(resolved.exact.includes(other) && resolved.suffixes.includes(`:key/${other}`));
});

test('resolveKeyAliases asks once per alias; unresolvable aliases (not found, denied, not a key ARN) are listed', async () => {
  const query = parseQuery('key:alias/a,alias/b,alias/c,alias/d,arn:aws:kms:us-west-2:111122223333:alias/a key:alias/a');
  assert.deepEqual(
    aliasesToResolve(query).map((key) => key.text),
    ['alias/a', 'alias/b', 'alias/c', 'alias/d', 'arn:aws:kms:us-west-2:111122223333:alias/a'],
  );
  const asked: string[] = [];
  const { keys, unresolved } = await resolveKeyAliases(query, async (alias) => {
    asked.push(alias.text);
    if (alias.text === 'alias/a') return ARN;
    if (alias.text === 'alias/b') throw new Error('AccessDenied');
    if (alias.text === 'alias/c') return 'not-an-arn';
    return undefined;
  });
  assert.equal(asked.length, 5);
  assert.deepEqual([...keys], [['alias/a', ARN]]);
  assert.deepEqual(
    unresolved.map((key) => key.text),
    ['alias/b', 'alias/c', 'alias/d', 'arn:aws:kms:us-west-2:111122223333:alias/a'],
  );
});
