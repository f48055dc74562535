/** Issue 13 class 3: cross-account copies, calls made on someone's behalf, principals named without corrupting ARNs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, outline, type Explanation } from '../../../src/core/explain';
import { inside, realFile, realFiles, realRecords } from './realEvents';

function story(explanation: Explanation | undefined): string {
  return explanation?.sections.find((s) => s.heading === 'What happened')?.text ?? '';
}

function eventNameHover(text: string): Explanation | undefined {
  const key = text.indexOf('"eventName"');
  return explain(text, text.indexOf('"', text.indexOf(':', key)) + 1);
}

test("the role owner's copy of a cross-account AssumeRole says whose copy it is and who called whom", () => {
  const text = realFile('iam-user-guide/sts-assumerole-cross-account-2-role-account.json');
  const words = story(eventNameHover(text));
  assert.match(words, /account 777788889999/);
  assert.match(words, /role EC2-dev/);
  assert.match(words, /account 111122223333's copy/);
  assert.match(words, /sharedEventID/);
  const first = realFile('iam-user-guide/sts-assumerole-cross-account-1.json');
  const recipient = explain(first, inside(first, '"recipientAccountId"'));
  assert.match(recipient?.sections.map((s) => s.text).join(' ') ?? '', /account 111122223333's copy/);
  assert.match(recipient?.sections.map((s) => s.text).join(' ') ?? '', /IAM user John of account 777788889999/);
});

test('the copy of a KMS call made with a service account names the key owner and the caller', () => {
  const text = realFile('cloudtrail-user-guide/cloudtrail-events-network-kms-vpce-denied.json');
  const words = story(eventNameHover(text));
  assert.match(words, /account 777788889999/);
  assert.match(words, /account 123456789012's copy/);
  assert.match(words, /owns the VPC endpoint/);
  const endpoint = explain(text, inside(text, '"vpcEndpointAccountId"'));
  assert.match(endpoint?.sections.map((s) => s.text).join(' ') ?? '', /endpoint owner/);
});

test('every real record whose recipient differs from the caller, or that has a sharedEventID, says whose copy it is', () => {
  const files = realFiles();
  let checked = 0;
  for (const { file, index, record } of realRecords(files)) {
    const identity = (record.userIdentity ?? {}) as Record<string, unknown>;
    const caller = identity.accountId;
    const recipient = record.recipientAccountId;
    if (typeof recipient !== 'string') continue;
    if (!(record.sharedEventID || (typeof caller === 'string' && caller !== recipient))) continue;
    if (!record.eventName) continue;
    checked++;
    const text = files.find((f) => f.name === file)?.text ?? '';
    let from = 0;
    for (let i = 0; i < index; i++) from = text.indexOf('"eventName"', from) + 1;
    const key = text.indexOf('"eventName"', from);
    const words = story(explain(text, text.indexOf('"', text.indexOf(':', key)) + 1));
    assert.match(words, /copy/, `${file}: ${words}`);
    assert.ok(words.includes(recipient), `${file}: ${words}`);
  }
  assert.ok(checked >= 8, `only ${checked}`);
});

test('invokedBy is told for every operation: DynamoDB created the grant on behalf of the role', () => {
  const words = story(eventNameHover(realFile('kms-developer-guide/services-dynamodb-creategrant.json')));
  assert.match(words, /DynamoDB/);
  assert.match(words, /on behalf of role Admin \(session user01\)/);
  assert.match(words, /grant/);
});

test('regional service principals are named (WorkMail, not workmail.eu-west-1.amazonaws.com) and ARNs are never capitalised', () => {
  const workmail = story(eventNameHover(realFile('kms-developer-guide/services-workmail-encrypt.json')));
  assert.match(workmail, /^Amazon WorkMail/);
  assert.doesNotMatch(workmail, /^workmail\./);
  for (const file of realFiles()) {
    for (let offset = file.text.indexOf('"eventName"'); offset >= 0; offset = file.text.indexOf('"eventName"', offset + 1)) {
      const words = story(explain(file.text, file.text.indexOf('"', file.text.indexOf(':', offset)) + 1));
      assert.doesNotMatch(words, /Arn:aws/, `${file.name}: ${words}`);
    }
  }
  const secrets = story(eventNameHover(realFile('kms-developer-guide/services-secrets-manager-decrypt.json')));
  assert.match(secrets, /arn:aws:sts::111122223333:assumed-role\/Admin\/user01/);
});

test('principals are named from their type: SAML and web identity users, AWS accounts, unknown principals', () => {
  assert.match(story(eventNameHover(realFile('iam-user-guide/sts-assumerolewithsaml.json'))), /SAML user SamlExample/);
  assert.match(story(eventNameHover(realFile('iam-user-guide/sts-assumerolewithwebidentity.json'))), /[Ww]eb identity user/);
  assert.match(
    story(eventNameHover(realFile('cloudtrail-user-guide/cloudtrail-events-cognito-getcredentialsforidentity.json'))),
    /^An unknown principal/,
  );
  const labels = outline(realFile('iam-user-guide/sts-assumerole-cross-account-2-role-account.json')).map((e) => e.label);
  assert.deepEqual(labels, ['2014-07-18T15:07:39Z AssumeRole account 777788889999']);
});
