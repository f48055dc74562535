/** Issue 13 class 2: a record with errorCode is told as tried-and-failed (or denied), with the reason and what to check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, type Explanation } from '../../../src/core/explain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './corpus';
import { inside, realFile, realFiles, realRecords } from './realEvents';

function story(explanation: Explanation | undefined): string {
  return explanation?.sections.find((s) => s.heading === 'What happened')?.text ?? '';
}

/** The hover on the record's eventName value. */
function eventNameHover(text: string, from = 0): Explanation | undefined {
  const key = text.indexOf('"eventName"', from);
  return explain(text, text.indexOf('"', text.indexOf(':', key)) + 1);
}

test('every real record with an errorCode is told as tried and failed or denied, with a reason and what to check', () => {
  const files = realFiles();
  let failed = 0;
  for (const { file, record } of realRecords(files)) {
    if (typeof record.errorCode !== 'string') continue;
    failed++;
    const text = files.find((f) => f.name === file)?.text ?? '';
    const words = story(eventNameHover(text));
    assert.match(words, /tried to .+ and (was denied|failed)/, `${file}: ${words}`);
    assert.ok(words.includes(record.errorCode), `${file}: the code is not named: ${words}`);
    assert.match(words, /Check /, `${file}: nothing to check next: ${words}`);
    assert.doesNotMatch(words, /\b(decrypted|encrypted data|asked KMS for a data key)\b/, `${file}: told as a success: ${words}`);
  }
  assert.ok(failed >= 4, `only ${failed} failed records`);
});

test('VpceAccessDenied: denied by the VPC endpoint policy, not by the key policy or IAM', () => {
  const words = story(eventNameHover(realFile('cloudtrail-user-guide/cloudtrail-events-network-kms-vpce-denied.json')));
  assert.match(words, /tried to list the KMS keys .*and was denied/);
  assert.match(words, /VPC endpoint policy/);
  assert.match(words, /vpce-EXAMPLE08c1b6b9b7/);
  assert.match(words, /not the key policy/);
});

test('InvalidCiphertextException: wrong key, wrong encryption context or altered ciphertext (a real capture, published as broken JSON)', () => {
  const words = story(eventNameHover(realFile('invalid-as-published/ghsa-wqgp-vphw-hphf-decrypt-invalid-ciphertext.json.txt')));
  assert.match(words, /tried to decrypt .* and failed/);
  assert.match(words, /encryption context/);
  assert.match(words, /another key|different key/);
  assert.match(words, /altered|corrupted/);
});

test('IncorrectKeyException and KMSInvalidStateException name their own reason', () => {
  const incorrect = story(eventNameHover(realFile('invalid-as-published/ct-decrypt-incorrect-key.json.txt')));
  assert.match(incorrect, /not the key that encrypted/);
  const state = story(eventNameHover(readFileSync(join(CORPUS, 'aws-docs-kms', 'ct-decrypt-4.json'), 'utf8')));
  assert.match(state, /tried to decrypt .* and failed/);
  assert.match(state, /state/);
  assert.match(state, /external key store proxy rejected/);
});

test('an S3 AccessDenied tells which kind of policy did not allow it (from the message) and that it was denied', () => {
  const text = realFile('public-captures/blog-iam-policy-evaluation-s3-listbuckets-accessdenied.json');
  const words = story(eventNameHover(text));
  assert.match(words, /IAM user iam-demo-user tried to call ListBuckets on Amazon S3 and was denied/);
  assert.match(words, /no identity-based policy allows/);
  const code = explain(text, inside(text, '"AccessDenied"'));
  assert.match(code?.sections.find((s) => s.heading === 'Value AccessDenied')?.text ?? '', /denied/i);
});

test('a console sign-in that failed without an errorCode is told as failed, with the message', () => {
  const words = story(eventNameHover(realFile('iam-user-guide/signin-consolelogin-failure.json')));
  assert.match(words, /IAM user JaneDoe tried to sign in to the AWS Management Console and failed/);
  assert.match(words, /Failed authentication/);
});
