/**
 * Realistic records: the scale knob's big log is built from varied corpus records and gzips like a real CloudTrail log
 * (8–12×), read back with the SDK and with the real aws CLI.
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';
import { awsCli, type AwsCli } from './helpers/sandboxAwsCli';

interface Rec {
  eventID: string;
  eventName: string;
  eventSource: string;
  eventTime: string;
  awsRegion: string;
  recipientAccountId: string;
  userIdentity?: { arn?: string };
}

describe('sandbox realistic records', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let cli: AwsCli;

  before(async () => {
    sandbox = await startSandbox({ world: { bigLogMB: 50, organization: false } });
    cli = awsCli(sandbox);
  });
  after(async () => {
    cli?.dispose();
    await sandbox?.stop();
  });

  it('the 50 MB log: varied real records that gzip 8–12×', async () => {
    const scale = sandbox.world.scale!;
    const { s3 } = sandboxClients(sandbox);
    const out = await s3.send(new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: scale.bigLogKey }));
    const gz = Buffer.from(await out.Body!.transformToByteArray());
    assert.equal(gz.length, scale.bigLogCompressedBytes);
    const json = gunzipSync(gz);
    assert.equal(json.length, scale.bigLogUncompressedBytes);
    const ratio = json.length / gz.length;
    assert.ok(ratio >= 8 && ratio <= 12, `compression ratio ${ratio.toFixed(2)} outside 8–12`);
    const records = (JSON.parse(json.toString()) as { Records: Rec[] }).Records;
    assert.ok(records.length > 30_000, `${records.length} records`);
    assert.equal(new Set(records.map((r) => r.eventID)).size, records.length, 'every event id differs');
    assert.ok(new Set(records.map((r) => r.eventName)).size >= 40, 'many kinds of calls');
    assert.ok(new Set(records.map((r) => r.eventSource)).size >= 4, 'several services');
    assert.ok(new Set(records.map((r) => r.userIdentity?.arn).filter(Boolean)).size >= 15, 'many people and roles');
    let previous = '';
    for (const r of records) {
      assert.equal(r.recipientAccountId, sandbox.accountId);
      assert.equal(r.awsRegion, 'us-west-2');
      assert.ok(r.eventTime >= '2026-11-21T11:00:00Z' && r.eventTime <= '2026-11-21T11:50:00Z', r.eventTime);
      assert.ok(r.eventTime >= previous, 'in time order');
      previous = r.eventTime;
    }
  });

  it('the same bytes every run', async () => {
    const other = await startSandbox({ world: { bigLogMB: 5, organization: false } });
    const again = await startSandbox({ world: { bigLogMB: 5, organization: false } });
    try {
      const head = (s: Sandbox) =>
        sandboxClients(s).s3.send(new HeadObjectCommand({ Bucket: s.world.buckets.logs.name, Key: s.world.scale!.bigLogKey }));
      const [a, b] = await Promise.all([head(other), head(again)]);
      assert.equal(a.ETag, b.ETag);
      assert.equal(a.ContentLength, b.ContentLength);
    } finally {
      await Promise.all([other.stop(), again.stop()]);
    }
  });

  it('a big log on demand through the control API (POST bigLog?mb=M), the same as the world option makes', async () => {
    const control = async (action: string) => {
      const r = await fetch(`${sandbox.controlUrl}${action}`, { method: 'POST' });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    const made = await control('bigLog?mb=5');
    assert.equal(made.status, 200, JSON.stringify(made.json));
    const { bucket, bigLogKey, bigLogUncompressedBytes, bigLogCompressedBytes } = made.json as Record<string, string & number>;
    assert.equal(bucket, sandbox.world.buckets.logs.name);
    assert.notEqual(bigLogKey, sandbox.world.scale!.bigLogKey, 'another object than the big log of the world');
    const out = await sandboxClients(sandbox).s3.send(new GetObjectCommand({ Bucket: bucket, Key: bigLogKey }));
    assert.equal(out.ServerSideEncryption, 'aws:kms');
    const gz = Buffer.from(await out.Body!.transformToByteArray());
    assert.equal(gz.length, bigLogCompressedBytes);
    const json = gunzipSync(gz);
    assert.equal(json.length, bigLogUncompressedBytes);
    assert.ok(Math.abs(json.length - 5 * 1024 * 1024) < 4096, `${json.length} bytes for 5 MiB`);
    assert.ok((JSON.parse(json.toString()) as { Records: Rec[] }).Records.length > 3000);
    for (const bad of ['bigLog', 'bigLog?mb=0', 'bigLog?mb=-1', 'bigLog?mb=abc', 'bigLog?mb=100000']) {
      const refused = await control(bad);
      assert.equal(refused.status, 400, bad);
      assert.match(String(refused.json.error), /mb must be a number/);
    }
  });

  it('aws s3 cp … - | gunzip | python3 reads it as CloudTrail JSON', async () => {
    const key = sandbox.world.scale!.bigLogKey!;
    const r = await cli.run([], {
      shell: `aws s3 cp s3://${sandbox.world.buckets.logs.name}/${key} - | gunzip | python3 -c "import json,sys; d=json.load(sys.stdin)['Records']; print(len(d), len({r['eventID'] for r in d}))"`,
    });
    assert.equal(r.code, 0, r.stderr);
    const [count, distinct] = r.stdout.trim().split(' ').map(Number);
    assert.ok(count > 30_000);
    assert.equal(distinct, count);
  });
});
