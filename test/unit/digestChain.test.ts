import assert from 'node:assert/strict';
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  digestKeyPattern,
  digestListing,
  keyDateText,
  walkDigestChain,
  type ChainEvent,
  type DigestStore,
  type DigestTrail,
} from '../../src/core/integrity/digestChain';
import { digestStringToSign, publicKeyFingerprint, type SignedDigest } from '../../src/core/integrity/digestFile';
import {
  formatSummary,
  formatVerdictLine,
  validateTrailLogs,
  validationFailed,
  type VerdictLine,
} from '../../src/core/integrity/digestReport';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const der = publicKey.export({ format: 'der', type: 'pkcs1' });
const trail: DigestTrail = { account: '111122223333', name: 'main', homeRegion: 'us-west-2', sourceRegion: 'us-west-2', keyPrefix: 'p' };
const BUCKET = 'bkt';
const HOUR = 3_600_000;

function digestKey(t: Date, name = trail.name): string {
  const ymd = t.toISOString().slice(0, 10).replace(/-/g, '/');
  return `p/AWSLogs/${trail.account}/CloudTrail-Digest/us-west-2/${ymd}/${trail.account}_CloudTrail-Digest_us-west-2_${name}_us-west-2_${keyDateText(t)}.json.gz`;
}

interface World {
  objects: Map<string, SignedDigest>;
  logs: Map<string, string>;
  keys: string[];
}

/** `hours` hourly digests from 2026-11-24T01:00, each listing one log; `breakAt` indexes get previous* = null. */
function world(hours: number, breakAt: number[] = []): World {
  const objects = new Map<string, SignedDigest>();
  const logs = new Map<string, string>();
  const keys: string[] = [];
  let previous: { key: string; signature: string } | undefined;
  for (let i = 0; i < hours; i++) {
    const end = new Date(Date.UTC(2026, 10, 24, 1 + i));
    const key = digestKey(end);
    const logKey = `p/AWSLogs/${trail.account}/CloudTrail/us-west-2/log${i}.json.gz`;
    const content = `{"Records":[${i}]}`;
    logs.set(logKey, content);
    const chained = previous && !breakAt.includes(i);
    const doc = {
      digestStartTime: new Date(end.getTime() - HOUR).toISOString().replace('.000', ''),
      digestEndTime: end.toISOString().replace('.000', ''),
      digestS3Bucket: BUCKET,
      digestS3Object: key,
      digestPublicKeyFingerprint: publicKeyFingerprint(der),
      previousDigestSignature: chained ? previous?.signature : null,
      previousDigestS3Bucket: chained ? BUCKET : null,
      previousDigestS3Object: chained ? previous?.key : null,
      logFiles: [{ s3Bucket: BUCKET, s3Object: logKey, hashValue: createHash('sha256').update(content).digest('hex') }],
    };
    const inflated = Buffer.from(JSON.stringify(doc));
    const signature = createSign('RSA-SHA256')
      .update(digestStringToSign(doc as never, inflated))
      .sign(privateKey)
      .toString('hex');
    objects.set(key, { bucket: BUCKET, key, inflated, signature, signatureAlgorithm: 'SHA256withRSA' });
    keys.push(key);
    previous = { key, signature };
  }
  return { objects, logs, keys };
}

function store(w: World, publicKeys = new Map([[publicKeyFingerprint(der), der as Uint8Array]])): DigestStore {
  return {
    async *listKeys(_bucket, prefix, marker) {
      // Lists w.keys, so a digest deleted from `objects` is still listed (deleted between ListObjects and GetObject).
      const all = [...w.keys, digestKey(new Date(Date.UTC(2026, 10, 24, 5)), 'other-trail')].sort();
      for (const key of all) if (key.startsWith(prefix) && key > marker) yield key;
    },
    async fetchDigest(_bucket, key) {
      return w.objects.get(key) ?? 'missing';
    },
    async publicKeys() {
      return publicKeys;
    },
  };
}

async function walk(s: DigestStore, start: Date, end: Date): Promise<ChainEvent[]> {
  const events: ChainEvent[] = [];
  for await (const event of walkDigestChain(s, BUCKET, trail, start, end)) events.push(event);
  return events;
}

const verdicts = (events: ChainEvent[]) =>
  events.map((e) => (e.type === 'gap' ? `gap ${e.from.toISOString()} ${e.to.toISOString()}` : `${e.key.slice(-24, -8)} ${e.verdict}`));

describe('digest chain walk', () => {
  it("newest to oldest, every digest valid; other trails' digests and digests outside the window are not listed", async () => {
    const w = world(6);
    const events = await walk(store(w), new Date(Date.UTC(2026, 10, 24, 2)), new Date(Date.UTC(2026, 10, 24, 3)));
    // Window [02:00, 03:00] lists digests dated up to end + 1 h (04:00), walks back until one starts before 02:00.
    assert.deepEqual(verdicts(events), ['20261124T040000Z valid', '20261124T030000Z valid', '20261124T020000Z valid']);
  });

  it('the listing starts one minute before the start time', () => {
    const { prefix, marker } = digestListing(trail, new Date(Date.UTC(2026, 10, 24, 0, 0)));
    assert.equal(prefix, 'p/AWSLogs/111122223333/CloudTrail-Digest/us-west-2');
    assert.ok(marker.endsWith('/2026/11/23/111122223333_CloudTrail-Digest_us-west-2_main_us-west-2_20261123T235900Z.json.gz'), marker);
  });

  it('organization trails: the organization id sits between AWSLogs/ and the member account, in prefix, marker and key pattern', () => {
    const org: DigestTrail = { ...trail, account: '444455556666', organizationId: 'o-abc123' };
    const { prefix, marker } = digestListing(org, new Date(Date.UTC(2026, 10, 24, 0, 0)));
    assert.equal(prefix, 'p/AWSLogs/o-abc123/444455556666/CloudTrail-Digest/us-west-2');
    assert.ok(
      marker.startsWith(
        'p/AWSLogs/o-abc123/444455556666/CloudTrail-Digest/us-west-2/2026/11/23/444455556666_CloudTrail-Digest_us-west-2_main_us-west-2_',
      ),
      marker,
    );
    const pattern = digestKeyPattern(org);
    assert.ok(
      pattern.test(
        'p/AWSLogs/o-abc123/444455556666/CloudTrail-Digest/us-west-2/2026/11/24/444455556666_CloudTrail-Digest_us-west-2_main_us-west-2_20261124T010000Z.json.gz',
      ),
    );
    assert.ok(
      pattern.test(
        'p/AWSLogs/o-abc123/444455556666/CloudTrail-Digest/us-west-2/2026/11/24/444455556666_CloudTrail-Digest_us-west-2_main_us-west-2_20261124T010000Z_backfill.json.gz',
      ),
    );
    assert.ok(
      !pattern.test(
        'p/AWSLogs/444455556666/CloudTrail-Digest/us-west-2/2026/11/24/444455556666_CloudTrail-Digest_us-west-2_main_us-west-2_20261124T010000Z.json.gz',
      ),
    );
    assert.ok(
      !digestKeyPattern(trail).test(
        'p/AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/11/24/111122223333_CloudTrail-Digest_us-west-2_main2_us-west-2_20261124T010000Z.json.gz',
      ),
    );
  });

  it('a deleted digest: "INVALID: not found", and the walk goes on with the next older digest listed', async () => {
    const w = world(4);
    w.objects.delete(w.keys[2]);
    const events = await walk(store(w), new Date(Date.UTC(2026, 10, 24, 0)), new Date(Date.UTC(2026, 10, 24, 4)));
    assert.deepEqual(verdicts(events), [
      '20261124T040000Z valid',
      '20261124T030000Z INVALID: not found',
      '20261124T020000Z valid',
      '20261124T010000Z valid',
    ]);
  });

  it('a chain start in the middle (previous* null) is a gap notice, not an error', async () => {
    const w = world(4, [2]);
    const events = await walk(store(w), new Date(Date.UTC(2026, 10, 24, 0)), new Date(Date.UTC(2026, 10, 24, 4)));
    assert.deepEqual(verdicts(events), [
      '20261124T040000Z valid',
      '20261124T030000Z valid',
      'gap 2026-11-24T02:00:00.000Z 2026-11-24T02:00:00.000Z',
      '20261124T020000Z valid',
      '20261124T010000Z valid',
    ]);
  });

  it('a re-signed (altered) digest metadata signature is INVALID and the walk continues with the listing', async () => {
    const w = world(3);
    const victim = w.objects.get(w.keys[1]) as SignedDigest;
    w.objects.set(w.keys[1], { ...victim, signature: 'ab'.repeat(256) });
    const events = await walk(store(w), new Date(Date.UTC(2026, 10, 24, 0)), new Date(Date.UTC(2026, 10, 24, 3)));
    assert.deepEqual(verdicts(events), [
      '20261124T030000Z valid',
      '20261124T020000Z INVALID: signature verification failed',
      '20261124T010000Z valid',
    ]);
  });

  it('backfill digests are walked after the standard chain, with keys fetched for their generation time ± 1 h', async () => {
    const w = world(2);
    const end = new Date(Date.UTC(2026, 10, 24, 1));
    const key = digestKey(end).replace('.json.gz', '_backfill.json.gz');
    const doc = {
      digestStartTime: '2026-11-24T00:00:00Z',
      digestEndTime: '2026-11-24T01:00:00Z',
      digestS3Bucket: BUCKET,
      digestS3Object: key,
      digestPublicKeyFingerprint: 'backfill-key',
      previousDigestSignature: null,
      previousDigestS3Bucket: null,
      previousDigestS3Object: null,
      logFiles: [],
    };
    const inflated = Buffer.from(JSON.stringify(doc));
    const signature = createSign('RSA-SHA256')
      .update(digestStringToSign(doc as never, inflated))
      .sign(privateKey)
      .toString('hex');
    w.objects.set(key, {
      bucket: BUCKET,
      key,
      inflated,
      signature,
      signatureAlgorithm: 'SHA256withRSA',
      backfillGenerationTimestamp: '2026-11-26T12:00:00.000Z',
    });
    w.keys.push(key);
    w.keys.sort();
    const windows: string[] = [];
    const s = store(w);
    const events = await walk(
      {
        ...s,
        async publicKeys(from, to) {
          windows.push(`${from.toISOString()} ${to.toISOString()}`);
          return from.getUTCDate() === 26 ? new Map([['backfill-key', der as Uint8Array]]) : s.publicKeys(from, to);
        },
      },
      new Date(Date.UTC(2026, 10, 24, 0)),
      new Date(Date.UTC(2026, 10, 24, 2)),
    );
    assert.deepEqual(
      events.map((e) => (e.type === 'digest' ? `${e.backfill ? 'backfill ' : ''}${e.verdict}` : e.type)),
      ['valid', 'valid', 'backfill valid'],
    );
    assert.deepEqual(windows, ['2026-11-24T00:00:00.000Z 2026-11-24T04:00:00.000Z', '2026-11-26T11:00:00.000Z 2026-11-26T13:00:00.000Z']);
  });

  it('no public key for the window: an error, nothing validated', async () => {
    await assert.rejects(
      walk(store(world(2), new Map()), new Date(Date.UTC(2026, 10, 24, 0)), new Date(Date.UTC(2026, 10, 24, 3))),
      /No public keys found between 2026-11-24T00:00:00Z and 2026-11-24T05:00:00Z/,
    );
  });
});

describe('validation report', () => {
  it('log verdicts: valid, hash mismatch, not found, invalid format, unreadable; summary like the aws CLI', async () => {
    const w = world(5);
    const logKeys = [...w.logs.keys()];
    const lines: VerdictLine[] = [];
    const counts = await validateTrailLogs(
      store(w),
      async (_bucket, key) => {
        if (key === logKeys[1]) return { status: 'missing' };
        if (key === logKeys[2]) return { status: 'invalid-format' };
        if (key === logKeys[3]) return { status: 'error', message: 'Access denied.' };
        const content = key === logKeys[4] ? 'tampered' : (w.logs.get(key) as string);
        return { status: 'hashed', sha256: createHash('sha256').update(content).digest('hex') };
      },
      BUCKET,
      trail,
      new Date(Date.UTC(2026, 10, 24, 0)),
      new Date(Date.UTC(2026, 10, 24, 5)),
      (line) => lines.push(line),
    );
    const text = lines.map(formatVerdictLine);
    assert.ok(text.includes(`Log file\ts3://${BUCKET}/${logKeys[0]}\tvalid`));
    assert.ok(text.includes(`Log file\ts3://${BUCKET}/${logKeys[1]}\tINVALID: not found`));
    assert.ok(text.includes(`Log file\ts3://${BUCKET}/${logKeys[2]}\tINVALID: invalid format`));
    assert.ok(text.includes(`Log file\ts3://${BUCKET}/${logKeys[3]}\tERROR: Access denied.`));
    assert.ok(text.includes(`Log file\ts3://${BUCKET}/${logKeys[4]}\tINVALID: hash value doesn't match`));
    assert.ok(text.includes(`Digest file\ts3://${BUCKET}/${w.keys[4]}\tvalid`));
    assert.equal(validationFailed(counts), true);
    assert.equal(
      formatSummary(counts, new Date(Date.UTC(2026, 10, 24, 0)), new Date(Date.UTC(2026, 10, 24, 5))),
      'Results requested for 2026-11-24T00:00:00Z to 2026-11-24T05:00:00Z\nResults found for 2026-11-24T00:00:00Z to 2026-11-24T05:00:00Z:\n' +
        '\n5/5 digest files valid\n1/4 log files valid, 3/4 log files INVALID\n1 log files could not be read (see the ERROR lines)\n',
    );
  });

  it('no digests in the window: "No digests found" and success', async () => {
    const lines: VerdictLine[] = [];
    const start = new Date(Date.UTC(2026, 0, 1));
    const counts = await validateTrailLogs(
      store(world(2)),
      async () => ({ status: 'missing' }),
      BUCKET,
      trail,
      start,
      start,
      (line) => lines.push(line),
    );
    assert.equal(lines.length, 0);
    assert.equal(
      formatSummary(counts, start, start),
      'Results requested for 2026-01-01T00:00:00Z to 2026-01-01T00:00:00Z\nNo digests found\n',
    );
    assert.equal(validationFailed(counts), false);
  });
});

describe('validation report ordering', () => {
  it('logs hashed concurrently still print in digest order; a hasher that throws becomes an ERROR line', async () => {
    const w = world(1);
    const digest = w.objects.get(w.keys[0]) as SignedDigest;
    const doc = JSON.parse(Buffer.from(digest.inflated).toString()) as {
      logFiles: Array<{ s3Bucket: string; s3Object: string; hashValue: string }>;
    };
    doc.logFiles = Array.from({ length: 6 }, (_, i) => ({ s3Bucket: BUCKET, s3Object: `log${i}`, hashValue: 'h' }));
    const inflated = Buffer.from(JSON.stringify(doc));
    const signature = createSign('RSA-SHA256')
      .update(digestStringToSign(doc as never, inflated))
      .sign(privateKey)
      .toString('hex');
    w.objects.set(w.keys[0], { ...digest, inflated, signature });
    const lines: string[] = [];
    await validateTrailLogs(
      store(w),
      async (_bucket, key) => {
        const i = Number(key.slice(3));
        await new Promise((resolve) => setTimeout(resolve, (6 - i) * 5));
        if (i === 2) throw new Error('socket hang up');
        return { status: 'hashed', sha256: 'h' };
      },
      BUCKET,
      trail,
      new Date(Date.UTC(2026, 10, 24, 0)),
      new Date(Date.UTC(2026, 10, 24, 1)),
      (line) => lines.push(formatVerdictLine(line)),
      3,
    );
    assert.deepEqual(
      lines.slice(1),
      [0, 1, 2, 3, 4, 5].map((i) => `Log file\ts3://${BUCKET}/log${i}\t${i === 2 ? 'ERROR: socket hang up' : 'valid'}`),
    );
  });
});
