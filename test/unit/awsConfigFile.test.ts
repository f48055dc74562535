import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIni, profileSettings } from '../../src/core/awsConfig/awsConfigFile';

test('profileSettings reads [default] and [profile x], skipping nested sub-properties', () => {
  const ini = parseIni(
    '# c\n[default]\nregion = eu-west-1\n\n[profile sandbox]\nregion=us-west-2\nendpoint_url = http://127.0.0.1:4566\ns3 =\n  addressing_style = path\n[sso-session s]\nsso_region = us-east-1\n',
  );
  assert.deepEqual(profileSettings(ini, 'default'), { region: 'eu-west-1' });
  assert.deepEqual(profileSettings(ini, 'sandbox'), { region: 'us-west-2', endpoint_url: 'http://127.0.0.1:4566', s3: '' });
  assert.deepEqual(profileSettings(ini, 'missing'), {});
});
