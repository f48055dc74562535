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

test('a [__proto__] or [constructor] section is a section like any other, never Object.prototype', () => {
  const ini = parseIni('[__proto__]\npolluted = yes\n[profile constructor]\nregion = eu-west-1\n[default]\nregion = us-east-1\n');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(profileSettings(ini, '__proto__'), { polluted: 'yes' });
  assert.deepEqual(profileSettings(ini, 'constructor'), { region: 'eu-west-1' });
  assert.deepEqual(profileSettings(ini, 'toString'), {});
  assert.deepEqual(profileSettings(ini, 'default'), { region: 'us-east-1' });
});

test('headers: spaces inside the brackets and CRLF line ends are fine; [a]b] and [  ] are no headers', () => {
  const ini = parseIni('[ profile spaced ]\r\nregion = ap-south-1\r\n[bad]name]\n[  ]\n');
  assert.deepEqual(profileSettings(ini, 'spaced'), { region: 'ap-south-1' });
  assert.deepEqual(Object.keys(ini), ['profile spaced']);
});
