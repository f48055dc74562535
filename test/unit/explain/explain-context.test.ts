/** Issue 13 class 5: the encryption context picks the right subject, agrees with itself, and names the policy conditions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, type Explanation } from '../../../src/core/explain';
import { CORPUS } from './corpus';
import { inside, realFile } from './realEvents';

function story(explanation: Explanation | undefined): string {
  return explanation?.sections.find((s) => s.heading === 'What happened')?.text ?? '';
}
function all(explanation: Explanation | undefined): string {
  return explanation?.sections.map((s) => `${s.heading ?? ''}: ${s.text}`).join('\n') ?? '';
}

/**
 * A real EBS event (KMS guide ct-ec2one, in the shared corpus) with its encryption context replaced by the RDS
 * contexts the RDS and Aurora user guides document ({ aws:rds:db-id, aws:ebs:id } and { aws:rds:dbc-id }).
 * Constructed, not captured: no public RDS event with these pairs was found.
 */
function withContext(context: Record<string, string>): string {
  const file = JSON.parse(readFileSync(join(CORPUS, 'aws-docs-kms', 'ct-ec2one-0.json'), 'utf8')) as {
    Records: Record<string, Record<string, unknown>>[];
  };
  const event = file.Records[1];
  event.requestParameters.encryptionContext = context;
  event.userIdentity.invokedBy = 'rds.amazonaws.com';
  return JSON.stringify(event, null, 2);
}

test('RDS sends aws:rds:db-id with aws:ebs:id: the DB instance is the subject, the volume its storage', () => {
  const text = withContext({ 'aws:rds:db-id': 'db-BRG7VYS3SVIFQW7234EJQOM5RQ', 'aws:ebs:id': 'vol-ad8c6542' });
  const words = story(explain(text, inside(text, '"aws:rds:db-id"')));
  assert.match(words, /RDS DB instance db-BRG7VYS3SVIFQW7234EJQOM5RQ/);
  assert.match(words, /vol-ad8c6542/);
  assert.doesNotMatch(words, /for EBS volume vol-ad8c6542\b(?! of)/);
  const ebs = explain(text, inside(text, '"aws:ebs:id"'));
  assert.match(ebs?.title ?? '', /set by Amazon EBS/);
});

test('aws:rds:dbc-id names an Aurora / RDS DB cluster', () => {
  const text = withContext({ 'aws:rds:dbc-id': 'cluster-CQYSMDPBRZ7BPMH7Y3RTDG5QY' });
  assert.match(story(explain(text, inside(text, '"aws:rds:dbc-id"'))), /DB cluster cluster-CQYSMDPBRZ7BPMH7Y3RTDG5QY/);
});

test('EBS names a snapshot when the context holds a snapshot id (CopySnapshot)', () => {
  const text = withContext({ 'aws:ebs:id': 'snap-069a655b568de654f' });
  assert.match(story(explain(text, inside(text, '"aws:ebs:id"'))), /EBS snapshot snap-069a655b568de654f/);
});

test('an unknown aws: key is set by an AWS service: the title and the value note agree', () => {
  const text = withContext({ 'aws:newservice:thing': 'x-123' });
  const hover = explain(text, inside(text, '"x-123"'));
  assert.match(hover?.title ?? '', /set by an AWS service/);
  assert.doesNotMatch(all(hover), /chosen by the caller/);
});

test('WorkMail and the AWS Encryption SDK contexts are known', () => {
  const workmail = realFile('kms-developer-guide/services-workmail-encrypt.json');
  const hover = explain(workmail, inside(workmail, '"aws:workmail:arn"'));
  assert.match(hover?.title ?? '', /set by Amazon WorkMail/);
  assert.match(story(hover), /WorkMail organization m-c6981ff7642446fa8772ba99c690e455/);
  const sdk = realFile('invalid-as-published/ghsa-wqgp-vphw-hphf-decrypt-invalid-ciphertext.json.txt');
  assert.match(explain(sdk, inside(sdk, '"aws-crypto-public-key"'))?.title ?? '', /set by the AWS Encryption SDK/);
});

test('a context pair names the policy condition that matches it, and invokedBy names kms:ViaService with the Region', () => {
  const text = realFile('kms-developer-guide/services-dynamodb-decrypt.json');
  assert.match(all(explain(text, inside(text, '"Books"'))), /kms:EncryptionContext:aws:dynamodb:tableName/);
  const via = all(explain(text, inside(text, '"dynamodb.amazonaws.com"')));
  assert.match(via, /kms:ViaService/);
  assert.match(via, /dynamodb\.us-west-2\.amazonaws\.com/);
});

test('non-string encryption-context values are shown as their JSON, never [object Object]', () => {
  const text = withContext({}).replace('"encryptionContext": {}', '"encryptionContext": {"weird": {"a": [1, 2]}, "n": 42}');
  for (let offset = 0; offset < text.length; offset += 5) {
    const hover = explain(text, offset);
    assert.doesNotMatch(all(hover), /\[object Object\]/);
  }
  assert.match(story(explain(text, inside(text, '"weird"'))), /weird=\{"a":\[1,2\]\}/);
});
