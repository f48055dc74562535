import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, type Explanation, type ExplainLink } from '../../../src/core/explain';
import { at, seed } from './corpus';

function story(explanation: Explanation | undefined): string {
  const section = explanation?.sections.find((s) => s.heading === 'What happened');
  assert.ok(section, 'no "What happened" section');
  return section.text;
}

function kinds(links: ExplainLink[]): string[] {
  return links.map((link) => link.kind);
}

const TRAIL = 'arn:aws:cloudtrail:us-west-2:111122223333:trail/Default';
const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const LOG_KEY =
  'AWSLogs/111122223333/CloudTrail/us-west-2/2015/11/11/111122223333_CloudTrail_us-west-2_20151111T2115Z_7JREEBimdK8d2nC9.json.gz';

test('seed 1: the GenerateDataKey when the trail was configured says so, with trail, prefix and key links', () => {
  const text = seed('configured');
  const explanation = explain(text, at(text, '"aws:s3:arn"'));
  assert.match(story(explanation), /CloudTrail checked that it may use this key when trail Default was configured/);
  assert.match(story(explanation), /s3:\/\/example-bucket-for-CT-logs\/AWSLogs\/111122223333\//);
  assert.doesNotMatch(story(explanation), /log file \S+\.json\.gz/);
  const links = explanation?.links ?? [];
  assert.deepEqual(
    links.find((l) => l.kind === 'trail'),
    { kind: 'trail', arn: TRAIL },
  );
  assert.deepEqual(
    links.find((l) => l.kind === 's3Prefix'),
    { kind: 's3Prefix', bucket: 'example-bucket-for-CT-logs', prefix: 'AWSLogs/111122223333/' },
  );
  assert.ok(!kinds(links).includes('s3Object'));
  assert.deepEqual(
    links.find((l) => l.kind === 'kmsKey' && l.keyId),
    { kind: 'kmsKey', arn: KEY, keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', region: 'us-west-2', account: '111122223333' },
  );
  // keyId names an alias ARN whose name has a space: not a valid alias name, so no link the click handler would refuse.
  assert.ok(!links.some((l) => l.kind === 'kmsKey' && l.alias), JSON.stringify(links));
  assert.equal(links.filter((l) => l.kind === 'kmsKey').length, 1);
});

test('seed 2: the GenerateDataKey for a delivered log file names the file and the trail', () => {
  const text = seed('stored');
  const explanation = explain(text, at(text, '"GenerateDataKey"'));
  const words = story(explanation);
  assert.match(
    words,
    /CloudTrail \(invokedBy internal\.amazonaws\.com\) asked KMS for a data key to encrypt log file 111122223333_CloudTrail_us-west-2_20151111T2115Z_7JREEBimdK8d2nC9\.json\.gz of trail Default/,
  );
  const links = explanation?.links ?? [];
  assert.deepEqual(
    links.find((l) => l.kind === 's3Object'),
    { kind: 's3Object', bucket: 'example-bucket-for-CT-logs', key: LOG_KEY },
  );
  assert.ok(links.some((l) => l.kind === 'trail' && l.arn === TRAIL));
  assert.ok(links.some((l) => l.kind === 'kmsKey' && l.arn === KEY));
  assert.ok(explanation?.sections.some((s) => s.heading === 'Operation GenerateDataKey'));
});

test('seed 3: the Decrypt says who read which log file and that S3 asked KMS for them', () => {
  const text = seed('read');
  const explanation = explain(text, at(text, '"Decrypt"'));
  const words = story(explanation);
  assert.match(
    words,
    /^IAM user cloudtrail-admin decrypted log file 111122223333_CloudTrail_us-west-2_20151111T2115Z_7JREEBimdK8d2nC9\.json\.gz of trail Default/,
  );
  assert.match(words, /S3 asked KMS on their behalf/);
  const links = explanation?.links ?? [];
  assert.deepEqual(new Set(kinds(links).filter((k) => k !== 'doc')), new Set(['s3Object', 'trail', 'kmsKey']));
  assert.ok(links.some((l) => l.kind === 's3Object' && l.key === LOG_KEY));
  assert.ok(links.some((l) => l.kind === 'trail'));
  assert.ok(links.some((l) => l.kind === 'kmsKey'));
});

test('the same key means different things by position: arn under userIdentity, sessionIssuer and resources', () => {
  const text = seed('stored');
  const caller = explain(text, at(text, '"arn": "arn:aws:sts'));
  const issuer = explain(text, at(text, '"arn": "arn:aws:iam::086441151436:role'));
  const resource = explain(text, at(text, '"ARN"'));
  assert.equal(caller?.title, 'userIdentity.arn — ARN of the caller');
  assert.equal(issuer?.title, 'userIdentity.sessionContext.sessionIssuer.arn — ARN of the session issuer');
  assert.equal(resource?.title, 'resources[].ARN — ARN of the resource');
  assert.deepEqual(resource?.path, ['resources', 0, 'ARN']);
});

test('hovering a value explains the field and the value; hovering the key explains the field only', () => {
  const text = seed('stored');
  const onKey = explain(text, at(text, '"type": "AssumedRole"'));
  const onValue = explain(text, at(text, '"AssumedRole"'));
  assert.equal(onKey?.title, 'userIdentity.type — Kind of principal');
  assert.equal(onValue?.title, onKey?.title);
  assert.ok(!onKey?.sections.some((s) => s.heading?.startsWith('Value')));
  const value = onValue?.sections.find((s) => s.heading === 'Value AssumedRole');
  assert.match(value?.text ?? '', /Temporary credentials from assuming a role/);
  const range = onValue?.range;
  assert.equal(text.slice(range?.start, range?.end), '"AssumedRole"');
});

test('typed-as-text booleans and real booleans are both explained', () => {
  const text = seed('read');
  const mfa = explain(text, at(text, '"false"'));
  assert.equal(mfa?.title, 'userIdentity.sessionContext.attributes.mfaAuthenticated — Whether MFA was used');
  assert.match(mfa?.sections.find((s) => s.heading === 'Value false')?.text ?? '', /No MFA/);
  const readOnly = explain(text, at(text, 'true'));
  assert.equal(readOnly?.title, 'readOnly — Read-only operation or not');
  assert.ok(readOnly?.sections.some((s) => s.heading === 'Value true'));
});

test('field facts give the type and the eventVersion that introduced the field', () => {
  const text = seed('read');
  const eventType = explain(text, at(text, '"eventType"'));
  assert.equal(eventType?.sections.find((s) => s.heading === 'Type')?.text, 'string, since eventVersion 1.02');
  const value = explain(text, at(text, '"AwsApiCall"'));
  assert.match(value?.sections.find((s) => s.heading === 'Value AwsApiCall')?.text ?? '', /API call/);
});
