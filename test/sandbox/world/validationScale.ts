/**
 * Validation at scale (`world: { validation: true | { days, logsPerHour, recordsPerLog } }`): trail `archive` in the
 * standalone account, `days` days of hourly digests (chained, signed) and log files in us-west-2 and eu-central-1,
 * ending 2026-11-10T00:00. Every file is valid: `aws cloudtrail validate-logs` over the window says so.
 */
import { isoSeconds } from '../clock';
import { trailKeyPolicy } from '../kms/policy';
import { PRINCIPALS } from '../principals';
import { Prng } from '../prng';
import { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { ValidationWorld, ValidationWorldOptions } from '../types';
import { ACCOUNT_ID, HOME_REGION, REGIONS } from './constants';
import { RealisticRecords } from './realistic';
import { addKey, addTrail } from './resources';
import { TrailWriter } from './trailWriter';

const TRAIL = 'archive';
const TRAIL_ARN = `arn:aws:cloudtrail:${HOME_REGION}:${ACCOUNT_ID}:trail/${TRAIL}`;
const BUCKET = `aws-cloudtrail-logs-${ACCOUNT_ID}-archive`;
const KEY = { id: '6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c', alias: 'alias/archive-logs' };
export const VALIDATION_END = new Date('2026-11-10T00:00:00Z');

export function seedValidation(state: SandboxState, options: ValidationWorldOptions): ValidationWorld {
  const days = Math.max(1, Math.floor(options.days ?? 30));
  const logsPerHour = Math.min(12, Math.max(1, Math.floor(options.logsPerHour ?? 2)));
  const recordsPerLog = Math.max(1, Math.floor(options.recordsPerLog ?? 8));
  const start = new Date(VALIDATION_END.getTime() - days * 86_400_000);
  const rng = new Prng('cloudtrail-kms-explorer/sandbox-validation/v1', true);
  const records = new RealisticRecords('validation');
  // The digest signing key must be valid over the whole window.
  if (state.digestKey && state.digestKey.validFrom > start) state.digestKey.validFrom = start;

  const key = addKey(state, {
    keyId: KEY.id,
    alias: KEY.alias,
    region: HOME_REGION,
    accountId: ACCOUNT_ID,
    description: 'Encrypts the archive trail (validation at scale)',
    policy: trailKeyPolicy(ACCOUNT_ID, HOME_REGION, TRAIL_ARN, PRINCIPALS.admin.arn),
    creationDate: new Date(start.getTime() - 3_600_000),
    material: rng.bytes(32),
  });
  const bucket = state.buckets.add(
    new Bucket(BUCKET, HOME_REGION, key.creationDate, { kind: 'aws:kms', keyArn: key.arn, bucketKey: false }),
  );
  const writer = new TrailWriter(state, { name: TRAIL, arn: TRAIL_ARN, homeRegion: HOME_REGION, bucket, prefix: '', key }, rng);

  const digestKeys: Record<string, string[]> = {};
  const logKeys: Record<string, string[]> = {};
  let lastDelivery = start;
  let lastDigest = start;
  const slot = 60 / logsPerHour;
  for (const region of REGIONS) {
    logKeys[region] = [];
    for (let h = 0; h < days * 24; h++) {
      for (let k = 0; k < logsPerHour; k++) {
        const delivered = new Date(start.getTime() + h * 3_600_000 + (k * slot + rng.int(1, Math.max(1, slot - 2))) * 60_000);
        const times: string[] = [];
        const texts: string[] = [];
        for (let n = 0; n < recordsPerLog; n++) {
          const t = new Date(delivered.getTime() - rng.int(30, Math.floor(slot * 60)) * 1000);
          texts.push(records.record(t, ACCOUNT_ID, region));
          times.push(isoSeconds(t));
        }
        logKeys[region].push(writer.writeLog(ACCOUNT_ID, region, delivered, texts, times));
        if (delivered > lastDelivery) lastDelivery = delivered;
      }
    }
    const chain = writer.writeDigests(ACCOUNT_ID, region, start, days * 24, state.digestKey!);
    digestKeys[region] = chain.keys;
    if (chain.lastDelivered && chain.lastDelivered > lastDigest) lastDigest = chain.lastDelivered;
  }
  addTrail(state, {
    name: TRAIL,
    arn: TRAIL_ARN,
    accountId: ACCOUNT_ID,
    homeRegion: HOME_REGION,
    bucket: BUCKET,
    s3KeyPrefix: '',
    kmsKeyArn: key.arn,
    logFileValidation: true,
    startLoggingTime: start,
    latestDeliveryTime: lastDelivery,
    latestDigestDeliveryTime: lastDigest,
  });
  return {
    trail: {
      name: TRAIL,
      arn: TRAIL_ARN,
      homeRegion: HOME_REGION,
      bucket: BUCKET,
      s3KeyPrefix: '',
      kmsKeyArn: key.arn,
      isMultiRegion: true,
      logFileValidation: true,
    },
    key: { keyId: key.keyId, arn: key.arn, alias: KEY.alias, region: HOME_REGION },
    regions: [...REGIONS],
    start: isoSeconds(start),
    end: isoSeconds(new Date(VALIDATION_END.getTime() + 3_600_000)),
    digestCount: days * 24,
    logCount: days * 24 * logsPerHour,
    digestKeys,
    logKeys,
  };
}
