import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAwsProfiles } from '../../src/core/awsConfig/awsProfiles';

const CONFIG = `
[default]
region = us-west-2

[profile audit]
sso_session = corp
sso_account_id = 111122223333
region = eu-central-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default
s3 =
  addressing_style = path

[services local]
s3 =
  endpoint_url = http://127.0.0.1:4566
`;

const CREDENTIALS = `
# comment
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret

[sandbox-auditor]
aws_access_key_id = AKIAAUDITOR
aws_secret_access_key = secret
`;

test('profiles come from both files, default first, non-profile sections skipped', () => {
  const profiles = parseAwsProfiles(CONFIG, CREDENTIALS);
  assert.deepEqual(
    profiles.map((p) => p.name),
    ['default', 'admin', 'audit', 'sandbox-auditor'],
  );
  const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
  assert.deepEqual(byName.default.sources, ['config', 'credentials']);
  assert.equal(byName.default.region, 'us-west-2');
  assert.equal(byName.audit.kind, 'sso');
  assert.equal(byName.audit.region, 'eu-central-1');
  assert.equal(byName.admin.kind, 'role');
  assert.equal(byName['sandbox-auditor'].kind, 'keys');
});

test('nested values do not leak into the profile', () => {
  const admin = parseAwsProfiles(CONFIG, '').find((p) => p.name === 'admin');
  assert.equal(admin?.region, undefined);
});

test('empty or broken files give no profiles, never an exception', () => {
  assert.deepEqual(parseAwsProfiles('', ''), []);
  assert.deepEqual(parseAwsProfiles('garbage\n[unterminated\n= x', '[bad name with spaces]\n'), []);
});
