import { gzipSync } from 'node:zlib';
import type { KmsKey } from '../kms/keys';
import { Prng } from '../prng';
import { sealObject } from '../s3/sse';
import type { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { SeededWorld, WorldOptions } from '../types';
import { ACCOUNT_ID, HOME_REGION, LOG_BUCKET, LOG_PREFIX, MANAGEMENT_TRAIL, logObjectKey, trailArn } from './constants';
import { logFileJson, logFileOfSize, RealisticRecords } from './realistic';

export const BUSY_DAY = '2026-11-20';
export const BIG_LOG_DAY = '2026-11-21';

export function seedScale(
  state: SandboxState,
  bucket: Bucket,
  key: KmsKey,
  rng: Prng,
  options: WorldOptions,
): NonNullable<SeededWorld['scale']> {
  const out: NonNullable<SeededWorld['scale']> = {};
  const store = (objectKey: string, plaintext: Buffer, time: Date) => storeLog(state, bucket, key, rng, objectKey, plaintext, time);
  // Realistic records (corpus-based, varied): they compress like real logs.
  const records = new RealisticRecords('scale');
  const n = options.filesInOneDay ?? 0;
  if (n > 0) {
    const dayStart = Date.parse(`${BUSY_DAY}T00:00:00Z`);
    for (let i = 0; i < n; i++) {
      const time = new Date(dayStart + Math.floor((i * 86_400_000) / n));
      const body = logFileJson([
        records.record(new Date(time.getTime() - 90_000), ACCOUNT_ID, HOME_REGION),
        records.record(new Date(time.getTime() - 30_000), ACCOUNT_ID, HOME_REGION),
      ]);
      store(logObjectKey(LOG_PREFIX, HOME_REGION, time, rng.alnum(16)), gzipSync(body, { level: 1 }), time);
    }
    out.busyDayPrefix = `${LOG_PREFIX}/AWSLogs/${ACCOUNT_ID}/CloudTrail/${HOME_REGION}/${BUSY_DAY.replace(/-/g, '/')}/`;
    out.busyDayFileCount = n;
  }
  const mb = options.bigLogMB ?? 0;
  if (mb > 0) Object.assign(out, storeBigLog(state, bucket, key, rng, records, mb));
  return out;
}

function storeLog(state: SandboxState, bucket: Bucket, key: KmsKey, rng: Prng, objectKey: string, plaintext: Buffer, time: Date): void {
  const context = { 'aws:cloudtrail:arn': trailArn(MANAGEMENT_TRAIL) };
  bucket.put(
    sealObject(state, {
      bucket: bucket.name,
      key: objectKey,
      plaintext,
      contentType: 'application/json',
      metadata: {},
      lastModified: time,
      sse: { kind: 'aws:kms', key, bucketKey: false, extraContext: context },
      random: (n) => rng.bytes(n),
    }),
  );
}

export interface BigLog {
  bigLogKey: string;
  bigLogUncompressedBytes: number;
  bigLogCompressedBytes: number;
}

/** One log of `mb` MiB uncompressed of realistic records, delivered on BIG_LOG_DAY in the home region. */
function storeBigLog(state: SandboxState, bucket: Bucket, key: KmsKey, rng: Prng, records: RealisticRecords, mb: number): BigLog {
  const start = Date.parse(`${BIG_LOG_DAY}T11:00:00Z`);
  // Records spread over the 50 minutes before delivery, in time order.
  const estimate = Math.max(1, Math.floor((mb * 1024 * 1024) / 1100));
  const { json } = logFileOfSize(Math.floor(mb * 1024 * 1024), (i) =>
    records.record(new Date(start + Math.floor((Math.min(i, estimate) * 3000) / estimate) * 1000), ACCOUNT_ID, HOME_REGION),
  );
  const time = new Date(`${BIG_LOG_DAY}T12:05:00Z`);
  const objectKey = logObjectKey(LOG_PREFIX, HOME_REGION, time, rng.alnum(16));
  // zlib's default level, as delivered logs are.
  const gz = gzipSync(json);
  storeLog(state, bucket, key, rng, objectKey, gz, time);
  return { bigLogKey: objectKey, bigLogUncompressedBytes: json.length, bigLogCompressedBytes: gz.length };
}

/**
 * A big log made on demand (the control API's `POST bigLog?mb=M`), so that a test that needs one does not make every
 * sandbox pay for it: in the default world's log bucket, under its key, another name for every size asked.
 */
export function seedBigLogOnDemand(state: SandboxState, mb: number): BigLog & { bucket: string } {
  if (!Number.isFinite(mb) || mb <= 0 || mb > 512) throw new Error(`bigLog: mb must be a number in (0, 512], not ${mb}`);
  const bucket = state.buckets.get(LOG_BUCKET);
  const keyArn = bucket?.defaultEncryption?.keyArn;
  if (!bucket || !keyArn) throw new Error(`bigLog: no bucket ${LOG_BUCKET} with a KMS key (the sandbox has no default world)`);
  const key = state.keys.resolve(HOME_REGION, keyArn, ACCOUNT_ID);
  const rng = new Prng(`cloudtrail-kms-explorer/sandbox-big-log/${mb}`, true);
  return { bucket: bucket.name, ...storeBigLog(state, bucket, key, rng, new RealisticRecords('scale'), mb) };
}
