/** Issue 13 class 4: ReplicateKey reuses keyMetadata, every current KMS operation and member, STS/Identity Center, network events, resource types. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, explainEveryKey } from '../../../src/core/explain';
import { KMS_OPERATIONS } from '../../../src/core/explain/knowledge/kms';
import { inside, isSpecific, realFile } from './realEvents';

function valueHover(text: string, key: string, value: string): { title?: string; text: string } {
  const hover = explain(text, inside(text, `"${value}"`, text.indexOf(`"${key}"`)));
  return { title: hover?.title, text: hover?.sections.map((s) => `${s.heading ?? ''}: ${s.text}`).join('\n') ?? '' };
}

test('ReplicateKey: replicaKeyMetadata is explained like keyMetadata, replicaPolicy too (published as broken JSON, read tolerantly)', () => {
  const text = realFile('invalid-as-published/ct-replicate-key.json.txt');
  const state = valueHover(text, 'keyState', 'Creating');
  assert.equal(state.title, 'responseElements.replicaKeyMetadata.keyState — State of the key');
  assert.match(state.text, /Value Creating: The key is being created/);
  const type = valueHover(text, 'multiRegionKeyType', 'REPLICA');
  assert.match(type.text, /Value REPLICA: /);
  const policy = explain(text, inside(text, '"replicaPolicy"'));
  assert.match(policy?.title ?? '', /key policy/i);
});

/** The operations of the AWS KMS API reference (2026), each with a CloudTrail event. */
const KMS_API = [
  'CancelKeyDeletion',
  'ConnectCustomKeyStore',
  'CreateAlias',
  'CreateCustomKeyStore',
  'CreateGrant',
  'CreateKey',
  'Decrypt',
  'DeleteAlias',
  'DeleteCustomKeyStore',
  'DeleteImportedKeyMaterial',
  'DeriveSharedSecret',
  'DescribeCustomKeyStores',
  'DescribeKey',
  'DisableKey',
  'DisableKeyRotation',
  'DisconnectCustomKeyStore',
  'EnableKey',
  'EnableKeyRotation',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'GenerateRandom',
  'GetKeyLastUsage',
  'GetKeyPolicy',
  'GetKeyRotationStatus',
  'GetParametersForImport',
  'GetPublicKey',
  'ImportKeyMaterial',
  'ListAliases',
  'ListGrants',
  'ListKeyPolicies',
  'ListKeyRotations',
  'ListKeys',
  'ListResourceTags',
  'ListRetirableGrants',
  'PutKeyPolicy',
  'ReEncrypt',
  'ReplicateKey',
  'RetireGrant',
  'RevokeGrant',
  'RotateKeyOnDemand',
  'ScheduleKeyDeletion',
  'Sign',
  'TagResource',
  'UntagResource',
  'UpdateAlias',
  'UpdateCustomKeyStore',
  'UpdateKeyDescription',
  'UpdatePrimaryRegion',
  'Verify',
  'VerifyMac',
];

test('every operation of the current KMS API is known, with what it does', () => {
  for (const op of KMS_API) {
    assert.ok(Object.prototype.hasOwnProperty.call(KMS_OPERATIONS, op), op);
    assert.ok(KMS_OPERATIONS[op].does.length > 10, op);
  }
});

test('newer KMS members are specific: key material, ListKeyRotations, import type, attestation PCRs', () => {
  const cases: [string, string][] = [
    ['kms-developer-guide/ct-listkeyrotations.json', 'includeKeyMaterial'],
    ['kms-developer-guide/ct-deleteimportedkeymaterial.json', 'keyMaterialId'],
    ['kms-developer-guide/ct-nitro-tpm-decrypt.json', 'attestationDocumentNitroTPMPCR16'],
    ['invalid-as-published/ct-importkeymaterial.json.txt', 'importType'],
    ['invalid-as-published/ct-importkeymaterial.json.txt', 'keyMaterialDescription'],
  ];
  for (const [file, key] of cases) {
    const text = realFile(file);
    const hover = explain(text, inside(text, `"${key}"`));
    assert.ok(hover, `${file} ${key}`);
    assert.ok(isSpecific(hover), `${file} ${key}: ${hover.title}`);
  }
  const text = realFile('kms-developer-guide/ct-listkeyrotations.json');
  assert.match(valueHover(text, 'includeKeyMaterial', 'ALL_KEY_MATERIAL').text, /Value ALL_KEY_MATERIAL: /);
});

test('STS members an analyst pivots on are specific: roleArn, roleSessionName, sourceIdentity, principalTags, credentials.accessKeyId', () => {
  const text = realFile('iam-user-guide/sts-assumerolewithsaml.json');
  for (const key of [
    'roleArn',
    'roleSessionName',
    'sourceIdentity',
    'principalTags',
    'principalArn',
    'accessKeyId',
    'assumedRoleId',
    'nameQualifier',
  ]) {
    const hover = explain(text, inside(text, `"${key}"`));
    assert.ok(isSpecific(hover), `${key}: ${hover?.title}`);
  }
  const key = explain(text, inside(text, '"accessKeyId"'));
  assert.match(key?.sections[0].text ?? '', /temporary/i);
  assert.match(key?.sections[0].text ?? '', /userIdentity\.accessKeyId/);
});

test('network activity events: the event type, the endpoint owner and who receives the event', () => {
  const text = realFile('cloudtrail-user-guide/cloudtrail-events-network-kms-listkeys.json');
  assert.match(valueHover(text, 'eventType', 'AwsVpceEvent').text, /VPC endpoint/);
  const owner = explain(text, inside(text, '"vpcEndpointAccountId"'));
  assert.match(owner?.sections[0].text ?? '', /recipientAccountId/);
});

test('resources[].type values beyond KMS, S3 and CloudTrail are explained, and unknown ones by their parts', () => {
  const saml = realFile('iam-user-guide/sts-assumerolewithsaml.json');
  assert.match(valueHover(saml, 'type', 'AWS::IAM::SAMLProvider').text, /Value AWS::IAM::SAMLProvider: .*SAML/);
  const sns = realFile('cloudtrail-user-guide/cloudtrail-events-sns-publish-data-event.json');
  assert.match(valueHover(sns, 'type', 'AWS::SNS::Topic').text, /topic/i);
  const cognito = realFile('cloudtrail-user-guide/cloudtrail-events-cognito-getcredentialsforidentity.json');
  assert.match(valueHover(cognito, 'type', 'AWS::Cognito::IdentityPool').text, /identity pool/i);
  const made = saml.replace('AWS::IAM::SAMLProvider', 'AWS::Example::WidgetThing');
  assert.match(valueHover(made, 'type', 'AWS::Example::WidgetThing').text, /A WidgetThing resource of the Example service/);
});

test('Identity Center and sign-in fields are specific', () => {
  const text = realFile('iam-user-guide/signin-authorizeoauth2access.json');
  for (const entry of explainEveryKey(text)) assert.ok(isSpecific(entry), `${entry.path.join('.')}: ${entry.title}`);
});
