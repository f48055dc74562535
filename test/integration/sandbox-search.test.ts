/**
 * The search world: its planted sets are exactly what an independent reader finds — the real `aws s3 cp --recursive`
 * of the trail's folders, then gunzip and a Python filter — and its odd files fail the way they should (SDK v3).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox, type SearchWorld } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';
import { awsCli, type AwsCli } from './helpers/sandboxAwsCli';
import { searchWorldBaseline } from './helpers/searchBaseline';

describe('sandbox search world', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let search: SearchWorld;
  let cli: AwsCli;
  let dir: string;

  before(async () => {
    sandbox = await startSandbox({ world: { search: true } });
    search = sandbox.world.search!;
    cli = awsCli(sandbox);
    dir = mkdtempSync(join(tmpdir(), 'ct-search-'));
  });
  after(async () => {
    cli?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await sandbox?.stop();
  });

  it('exports a world of several days × 2 regions with planted sets that do not overlap by accident', () => {
    assert.deepEqual(search.regions, ['us-west-2', 'eu-central-1']);
    assert.ok(search.days.length >= 4);
    assert.equal(Object.values(search.logKeys).flatMap((d) => Object.values(d).flat()).length, search.fileCount);
    const p = search.planted;
    assert.equal(p.roleDecrypts.eventIds.length, 8);
    assert.equal(p.failures.eventIds.length, 6);
    assert.deepEqual([p.encryptionContext.exactEventIds.length, p.encryptionContext.prefixEventIds.length], [3, 5]);
    assert.deepEqual([p.boundary.insideEventIds.length, p.boundary.outsideEventIds.length], [6, 5]);
    for (const id of [...p.roleDecrypts.eventIds, ...p.failures.eventIds, ...p.boundary.insideEventIds]) assert.ok(p.events[id], id);
    const ratio = search.uncompressedBytes / search.compressedBytes;
    assert.ok(ratio >= 8 && ratio <= 12, `the search world's files gzip ${ratio.toFixed(2)}x (real logs: 8-12x)`);
  });

  it('aws s3 cp --recursive + gunzip + Python finds exactly the planted sets (admin: every file but the disabled-key one)', async () => {
    const { copy, found, unreadable } = await searchWorldBaseline(sandbox, cli, dir);
    // The object under the disabled key cannot be read; the CLI says so and copies the rest.
    assert.equal(copy.code, 1, copy.stderr);
    assert.match(
      copy.stderr,
      new RegExp(`${search.files.disabledKey.key.split('/').pop()!.replace(/\./g, '\\.')}.*KMS\\.DisabledException`),
    );
    const p = search.planted;
    const out = { found, unreadable };
    const same = (a: string[], b: string[], what: string) => assert.deepEqual([...a].sort(), [...b].sort(), what);
    same(out.found.role, p.roleDecrypts.eventIds, 'role decrypts');
    same(out.found.failed, p.failures.eventIds, 'failed calls');
    same(out.found.exact, p.encryptionContext.exactEventIds, 'context value');
    same(out.found.prefix, p.encryptionContext.prefixEventIds, 'context prefix');
    same(out.found.inside, p.boundary.insideEventIds, 'inside the range');
    same(out.found.outside, p.boundary.outsideEventIds, 'outside the range');
    assert.deepEqual(out.unreadable, [search.files.corrupt.key], 'only the truncated gzip does not read');
  });

  it('odd files: the auditor may not decrypt one (management trail key), nobody reads the disabled-key one, nobody gunzips the corrupt one', async () => {
    const auditor = sandboxClients(sandbox, { principal: sandbox.principals.auditor, maxAttempts: 1 }).s3;
    const admin = sandboxClients(sandbox, { maxAttempts: 1 }).s3;
    const bucket = search.trail.bucket;
    const get = (s3: typeof admin, key: string) => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await assert.rejects(get(auditor, search.files.deniedToAuditor.key), (e: S3ServiceException) => {
      assert.equal(e.name, 'AccessDenied');
      assert.match(
        e.message,
        new RegExp(`kms:Decrypt on resource: ${sandbox.world.keys.healthy.arn} because no identity-based policy allows`),
      );
      return true;
    });
    const readable = JSON.parse(
      gunzipSync(await (await get(admin, search.files.deniedToAuditor.key)).Body!.transformToByteArray()).toString(),
    ) as {
      Records: Array<{ eventID: string }>;
    };
    for (const id of search.files.deniedToAuditor.eventIds) assert.ok(readable.Records.some((r) => r.eventID === id));
    // KMS checks permission before the key state: the admin hears the key is disabled, the auditor that it may not decrypt.
    await assert.rejects(get(admin, search.files.disabledKey.key), (e: S3ServiceException) => e.name === 'KMS.DisabledException');
    await assert.rejects(get(auditor, search.files.disabledKey.key), (e: S3ServiceException) => e.name === 'AccessDenied');
    for (const s3 of [admin, auditor]) {
      const corrupt = await (await get(s3, search.files.corrupt.key)).Body!.transformToByteArray();
      assert.deepEqual([...corrupt.subarray(0, 2)], [0x1f, 0x8b]);
      assert.throws(() => gunzipSync(corrupt), /unexpected end of file/);
    }
    // Every other file of the world the auditor can read (the trail key lets the account's principals decrypt).
    const others = Object.values(search.logKeys)
      .flatMap((d) => Object.values(d).flat())
      .filter((k) => ![search.files.deniedToAuditor.key, search.files.disabledKey.key, search.files.corrupt.key].includes(k));
    for (const key of [others[0], others[others.length - 1], search.files.lateDelivery.key, search.files.atRangeStart.key]) {
      const doc = JSON.parse(gunzipSync(await (await get(auditor, key)).Body!.transformToByteArray()).toString()) as { Records: unknown[] };
      assert.ok(doc.Records.length > 0);
    }
  });

  it('edge files: named at the range start and 50 minutes after its end, holding what the world says', () => {
    const { boundary } = search.planted;
    const name = (key: string) => key.slice(key.lastIndexOf('_', key.lastIndexOf('_') - 1) + 1, key.lastIndexOf('_'));
    const stamp = (iso: string) => iso.replace(/[-:]/g, '').slice(0, 13) + 'Z';
    assert.equal(name(search.files.atRangeStart.key), stamp(boundary.from));
    assert.equal(name(search.files.lateDelivery.key), stamp(new Date(Date.parse(boundary.to) + 50 * 60_000).toISOString()));
    assert.ok(boundary.insideEventIds.includes(search.files.lateDelivery.eventIds[0]));
    assert.ok(boundary.outsideEventIds.includes(search.files.atRangeStart.eventIds[0]));
  });
});
