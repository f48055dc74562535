import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awsSettings, parseArgs, UsageError } from '../../src/cli/options';

test('parseArgs: global options in any position, repeated and comma-separated regions, = form', () => {
  const parsed = parseArgs(
    [
      'ls',
      '--region',
      'us-west-2,eu-west-1',
      '--json',
      'x',
      '--region=us-east-1',
      '--profile',
      'dev',
      '--endpoint-url=http://127.0.0.1:9',
      '--date',
      '2026-11-27',
      '--digests',
    ],
    { values: ['date'], flags: ['digests'] },
  );
  assert.deepEqual(parsed.positional, ['ls', 'x']);
  assert.deepEqual(parsed.global, {
    regions: ['us-west-2', 'eu-west-1', 'us-east-1'],
    json: true,
    help: false,
    profile: 'dev',
    endpointUrl: 'http://127.0.0.1:9',
  });
  assert.deepEqual(parsed.values, { date: '2026-11-27' });
  assert.ok(parsed.flags.has('digests'));
  assert.deepEqual(awsSettings(parsed.global), {
    profile: 'dev',
    regions: ['us-west-2', 'eu-west-1', 'us-east-1'],
    endpointUrl: 'http://127.0.0.1:9',
  });
});

test('parseArgs rejects unknown options, missing values, bad regions and endpoints', () => {
  for (const args of [['--nope'], ['--profile'], ['--region', 'mars'], ['--endpoint-url', 'ftp://x'], ['--json=1'], ['-x'], ['--date']]) {
    assert.throws(() => parseArgs(args), UsageError, args.join(' '));
  }
});
