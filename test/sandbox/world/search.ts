/**
 * The search world (`world: { search: true | {…} }`): trail `audit-archive` in the standalone account, several days ×
 * 2 regions of realistic log files (world/realistic.ts: corpus records, varied; no failed calls among them), and
 * planted events whose exact sets are exported (SearchWorld.planted), plus a file the auditor may not decrypt, one under
 * the disabled key, one truncated gzip, a file delivered late and one named at a range's start.
 */
import { gzipSync } from 'node:zlib';
import { isoSeconds } from '../clock';
import type { KmsKey } from '../kms/keys';
import { cloudTrailKeyPolicy, defaultKeyPolicy } from '../kms/policy';
import { Prng } from '../prng';
import { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { SearchWorld, SearchWorldOptions } from '../types';
import { ACCOUNT_ID, HOME_REGION, REGIONS } from './constants';
import { logKeyAt } from './layout';
import { plantEvents, type Placed } from './searchPlan';
import { logFileJson, RealisticRecords, skewed } from './realistic';
import { addKey, addTrail } from './resources';
import { TrailWriter } from './trailWriter';

const TRAIL = 'audit-archive';
const TRAIL_ARN = `arn:aws:cloudtrail:${HOME_REGION}:${ACCOUNT_ID}:trail/${TRAIL}`;
const BUCKET = `aws-cloudtrail-logs-${ACCOUNT_ID}-audit`;
export const SEARCH_START = new Date('2026-11-10T00:00:00Z');
const KEYS = {
  trail: { id: '4e8d2c1b-9a7f-4e6d-8c5b-3a2f1e0d9c8b', alias: 'alias/audit-archive-logs' },
  payments: { id: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', alias: 'alias/payments-data' },
};

interface Delivery {
  region: string;
  time: Date;
  records: string[];
  times: string[];
}

export function seedSearch(state: SandboxState, options: SearchWorldOptions, keys: { healthy: KmsKey; disabled: KmsKey }): SearchWorld {
  const days = Math.max(4, Math.floor(options.days ?? 4));
  const filesPerHour = Math.min(12, Math.max(1, Math.floor(options.filesPerHour ?? 1)));
  const recordsPerFile = Math.max(1, Math.floor(options.recordsPerFile ?? 120));
  const rng = new Prng('cloudtrail-kms-explorer/sandbox-search/v1', true);
  const generator = new RealisticRecords('search');
  // Background: no failed calls (so "error:any" finds exactly the planted failures).
  const clean = generator.templates.filter((t) => !t.parts.some((p) => p.includes('"errorCode"') || p.includes('"errorMessage"')));
  const trailKey = makeKey(
    state,
    rng,
    KEYS.trail,
    'Encrypts the audit-archive trail (search world)',
    cloudTrailKeyPolicy(ACCOUNT_ID, HOME_REGION, TRAIL_ARN),
  );
  const paymentsKey = makeKey(state, rng, KEYS.payments, 'Payments data key (search world: planted Decrypt calls)', undefined);
  const bucket = state.buckets.add(
    new Bucket(BUCKET, HOME_REGION, new Date('2026-11-01T08:00:00Z'), { kind: 'aws:kms', keyArn: trailKey.arn, bucketKey: false }),
  );
  const writer = new TrailWriter(state, { name: TRAIL, arn: TRAIL_ARN, homeRegion: HOME_REGION, bucket, prefix: '', key: trailKey }, rng);

  // 1. Delivery schedule and background records.
  const deliveries: Delivery[] = [];
  const slot = 60 / filesPerHour;
  for (const region of REGIONS) {
    let previous = SEARCH_START.getTime() - 20 * 60_000;
    for (let h = 0; h < days * 24; h++) {
      for (let k = 0; k < filesPerHour; k++) {
        const time = new Date(SEARCH_START.getTime() + h * 3_600_000 + (k * slot + rng.int(1, Math.max(1, slot - 2))) * 60_000);
        const d: Delivery = { region, time, records: [], times: [] };
        for (let n = 0; n < recordsPerFile; n++) {
          const at = new Date(previous + rng.int(1, Math.max(1, Math.floor((time.getTime() - previous) / 1000) - 1)) * 1000);
          d.records.push(generator.record(at, ACCOUNT_ID, region, { template: skewed(clean, rng) }));
          d.times.push(isoSeconds(at));
        }
        deliveries.push(d);
        previous = time.getTime();
      }
    }
  }

  // 2. Planted events, each in the first delivery after it in its region (special files take theirs).
  const plan = plantEvents(generator, { account: ACCOUNT_ID, paymentsKey, healthyKey: keys.healthy, start: SEARCH_START });
  const place = (p: Placed) => {
    const d = deliveries.find((x) => x.region === p.region && x.time.getTime() >= p.time.getTime())!;
    d.records.push(p.text);
    d.times.push(isoSeconds(p.time));
    return d;
  };
  const located = new Map<string, Delivery>();
  for (const p of plan.regular) located.set(p.eventId, place(p));

  // 3. Log files.
  const logKeys: SearchWorld['logKeys'] = {};
  const where = new Map<Delivery, string>();
  for (const d of deliveries) {
    const order = d.times.map((t, i) => [t, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const records = order.map(([, i]) => d.records[i]);
    const key = writer.writeLog(ACCOUNT_ID, d.region, d.time, records, d.times);
    where.set(d, key);
    ((logKeys[d.region] ??= {})[d.time.toISOString().slice(0, 10)] ??= []).push(key);
  }

  // 4. Special files.
  const special = (region: string, time: Date, texts: string[], kmsKey: KmsKey, cut = false) => {
    const key = logKeyAt(writer.location(ACCOUNT_ID, region), time, rng.alnum(16));
    const gz = gzipSync(logFileJson(texts));
    // Written while its key was still enabled (the disabled key was retired later).
    const state = kmsKey.state;
    kmsKey.state = 'Enabled';
    try {
      writer.put(key, cut ? gz.subarray(0, Math.floor(gz.length / 2)) : gz, {}, new Date(time.getTime() + 11_000), kmsKey);
    } finally {
      kmsKey.state = state;
    }
    ((logKeys[region] ??= {})[time.toISOString().slice(0, 10)] ??= []).push(key);
    return key;
  };
  const background = (region: string, time: Date, n: number) =>
    Array.from({ length: n }, (_, i) =>
      generator.record(new Date(time.getTime() - (n - i) * 41_000), ACCOUNT_ID, region, { template: skewed(clean, rng) }),
    );
  const files: SearchWorld['files'] = {
    deniedToAuditor: {
      key: special(
        HOME_REGION,
        plan.denied.at,
        [...background(HOME_REGION, plan.denied.at, 5), ...plan.denied.records.map((p) => p.text)],
        keys.healthy,
      ),
      eventIds: plan.denied.records.map((p) => p.eventId),
    },
    disabledKey: { key: special(HOME_REGION, plan.disabledAt, background(HOME_REGION, plan.disabledAt, 8), keys.disabled), eventIds: [] },
    corrupt: { key: special(HOME_REGION, plan.corruptAt, background(HOME_REGION, plan.corruptAt, 8), trailKey, true), eventIds: [] },
    lateDelivery: { key: special(HOME_REGION, plan.late.at, [plan.late.record.text], trailKey), eventIds: [plan.late.record.eventId] },
    atRangeStart: {
      key: special(HOME_REGION, plan.atStart.at, [plan.atStart.record.text], trailKey),
      eventIds: [plan.atStart.record.eventId],
    },
  };
  for (const list of Object.values(logKeys)) for (const day of Object.keys(list)) list[day].sort();

  addTrail(state, {
    name: TRAIL,
    arn: TRAIL_ARN,
    accountId: ACCOUNT_ID,
    homeRegion: HOME_REGION,
    bucket: BUCKET,
    s3KeyPrefix: '',
    kmsKeyArn: trailKey.arn,
    logFileValidation: false,
    startLoggingTime: SEARCH_START,
    latestDeliveryTime: deliveries[deliveries.length - 1].time,
  });
  const objectOf = (eventId: string) => {
    const d = located.get(eventId);
    return d ? where.get(d)! : Object.values(files).find((f) => f.eventIds.includes(eventId))!.key;
  };
  return {
    trail: {
      name: TRAIL,
      arn: TRAIL_ARN,
      homeRegion: HOME_REGION,
      bucket: BUCKET,
      s3KeyPrefix: '',
      kmsKeyArn: trailKey.arn,
      isMultiRegion: true,
      logFileValidation: false,
    },
    key: { keyId: trailKey.keyId, arn: trailKey.arn, alias: KEYS.trail.alias, region: HOME_REGION },
    regions: [...REGIONS],
    days: Array.from({ length: days }, (_, i) => new Date(SEARCH_START.getTime() + i * 86_400_000).toISOString().slice(0, 10)),
    logKeys,
    fileCount: deliveries.length + Object.keys(files).length,
    recordCount: deliveries.reduce((n, d) => n + d.records.length, 0),
    uncompressedBytes: writer.uncompressedBytes,
    compressedBytes: writer.compressedBytes,
    planted: {
      ...plan.facts,
      events: Object.fromEntries(
        plan.all.map((p) => [p.eventId, { objectKey: objectOf(p.eventId), region: p.region, eventTime: isoSeconds(p.time) }]),
      ),
    },
    files,
  };
}

function makeKey(
  state: SandboxState,
  rng: Prng,
  spec: { id: string; alias: string },
  description: string,
  policy: string | undefined,
): KmsKey {
  return addKey(state, {
    keyId: spec.id,
    alias: spec.alias,
    region: HOME_REGION,
    accountId: ACCOUNT_ID,
    description,
    policy: policy ?? defaultKeyPolicy(ACCOUNT_ID),
    creationDate: new Date('2026-11-01T07:55:00Z'),
    material: rng.bytes(32),
  });
}
