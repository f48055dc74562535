/** Validation at scale: N days of hourly digests and logs in 2 regions, all valid for the real aws CLI. */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';
import { awsCli, validateVerdicts, type AwsCli } from './helpers/sandboxAwsCli';

describe('sandbox validation world', { timeout: 600_000 }, () => {
  let sandbox: Sandbox;
  let cli: AwsCli;

  before(async () => {
    sandbox = await startSandbox({ world: { validation: { days: 2 }, organization: false } });
    cli = awsCli(sandbox);
  });
  after(async () => {
    cli?.dispose();
    await sandbox?.stop();
  });

  it('aws cloudtrail validate-logs: every digest and log of both regions valid', async () => {
    const v = sandbox.world.validation!;
    assert.equal(v.digestCount, 48);
    assert.equal(v.logCount, 96);
    await Promise.all(
      v.regions.map(async (region) => {
        const r = await cli.run([
          'cloudtrail',
          'validate-logs',
          '--trail-arn',
          v.trail.arn,
          '--start-time',
          v.start,
          '--end-time',
          v.end,
          '--region',
          region,
          '--verbose',
        ]);
        assert.equal(r.code, 0, `${region}: ${r.stdout}\n${r.stderr}`);
        const { digests, logs } = validateVerdicts(r.stdout);
        assert.deepEqual([...digests.keys()].sort(), v.digestKeys[region].map((k) => `s3://${v.trail.bucket}/${k}`).sort());
        assert.deepEqual([...logs.keys()].sort(), v.logKeys[region].map((k) => `s3://${v.trail.bucket}/${k}`).sort());
        assert.ok([...digests.values(), ...logs.values()].every((x) => x === 'valid'));
        assert.match(r.stdout, /48\/48 digest files valid/);
        assert.match(r.stdout, /96\/96 log files valid/);
      }),
    );
  });

  it('30 days: 720 hourly digests and 1,440 logs per region, one chain each', async () => {
    const started = Date.now();
    const big = await startSandbox({ world: { validation: true, organization: false } });
    const seconds = (Date.now() - started) / 1000;
    try {
      const v = big.world.validation!;
      // A figure for the notes (not a timed test): how long seeding 30 days took here.
      console.log(`# validation world, 30 days x 2 regions: seeded in ${seconds.toFixed(1)} s`);
      const { s3 } = sandboxClients(big);
      for (const region of v.regions) {
        assert.equal(v.digestKeys[region].length, 720);
        assert.equal(v.logKeys[region].length, 1440);
        const read = async (key: string) =>
          JSON.parse(
            gunzipSync(
              await (await s3.send(new GetObjectCommand({ Bucket: v.trail.bucket, Key: key }))).Body!.transformToByteArray(),
            ).toString(),
          ) as { previousDigestS3Object: string | null; logFiles: unknown[]; digestStartTime: string };
        const keys = v.digestKeys[region];
        assert.equal((await read(keys[0])).previousDigestS3Object, null);
        assert.equal((await read(keys[0])).digestStartTime, v.start);
        for (const n of [1, 359, 719]) {
          const d = await read(keys[n]);
          assert.equal(d.previousDigestS3Object, keys[n - 1]);
          assert.equal(d.logFiles.length, 2);
        }
      }
    } finally {
      await big.stop();
    }
  });
});
