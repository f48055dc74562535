import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { isoSeconds } from '../clock';
import type { CloudTrailRecord } from '../cloudtrail/events';
import type { Trail } from '../cloudtrail/trails';
import type { KmsKey } from '../kms/keys';
import { PRINCIPALS } from '../principals';
import { Prng } from '../prng';
import { sealObject } from '../s3/sse';
import { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { SeededWorld, TrailRef, WorldOptions } from '../types';
import {
  ACCOUNT_ID,
  ALIASES,
  APP_BUCKET,
  DATA_BUCKET,
  DATA_TRAIL,
  DAYS,
  HOME_REGION,
  KEY_IDS,
  LOG_BUCKET,
  LOG_PREFIX,
  MANAGEMENT_TRAIL,
  REGIONS,
  WORLD_NOW,
  WORLD_START,
  dayOf,
  digestObjectKey,
  keyArn,
  logObjectKey,
  trailArn,
} from './constants';
import { DIGEST_SIGNING_KEY_PEM } from './fixedKeys';
import {
  BACKGROUND,
  PRINCIPAL_READERS,
  deliveryGenerateDataKey,
  readerDecrypt,
  s3DataEvent,
  trailConfiguredGenerateDataKey,
  updateTrail,
} from './records';
import { seedKeys } from './defaultKeys';
import { seedOptionalWorlds } from './optional';
import { hourlyPlans, sha256, writeDigestChain } from './digests';

const DELIVERY_HOURS = [1, 5, 9, 13, 17, 21];
/** One key object for every sandbox of the process (digest signatures are remembered per key: world/digests.ts). */
const SIGNING_KEY = createPrivateKey(DIGEST_SIGNING_KEY_PEM);
const HOUR = 3_600_000;

interface Delivery {
  region: string;
  time: Date;
  key: string;
  records: CloudTrailRecord[];
}

/** Seeds the default world into `state` (same bytes every run) and describes it. */
export function seedWorld(state: SandboxState, options: WorldOptions = {}): SeededWorld {
  const rng = new Prng('cloudtrail-kms-explorer/sandbox-world/v1');
  const seal = (bucket: Bucket, args: Omit<Parameters<typeof sealObject>[1], 'bucket' | 'random'>) =>
    bucket.put(sealObject(state, { ...args, bucket: bucket.name, random: (n) => rng.bytes(n) }));

  const keys = seedKeys(state, rng);
  const healthy = keys.healthy;
  const logBucket = state.buckets.add(
    new Bucket(LOG_BUCKET, HOME_REGION, new Date('2026-10-01T09:00:00Z'), { kind: 'aws:kms', keyArn: healthy.arn, bucketKey: false }),
  );
  const dataBucket = state.buckets.add(new Bucket(DATA_BUCKET, HOME_REGION, new Date('2026-10-01T09:05:00Z'), { kind: 'AES256' }));
  state.buckets.add(new Bucket(APP_BUCKET, HOME_REGION, new Date('2026-09-15T12:00:00Z'), { kind: 'AES256' }));

  const signingKey = SIGNING_KEY;
  const publicDer = createPublicKey(signingKey).export({ type: 'pkcs1', format: 'der' });
  const fingerprint = createHash('md5').update(publicDer).digest('hex');
  state.digestKey = { privateKey: signingKey, publicDer, fingerprint, validFrom: new Date('2026-11-01T00:00:00Z') };

  // 1. Delivery and digest schedules.
  const deliveries: Delivery[] = [];
  for (const region of REGIONS) {
    for (const day of DAYS) {
      for (const hour of DELIVERY_HOURS) {
        const time = new Date(`${day}T${String(hour).padStart(2, '0')}:${String(rng.int(2, 57)).padStart(2, '0')}:00Z`);
        deliveries.push({ region, time, key: logObjectKey(LOG_PREFIX, region, time, rng.alnum(16)), records: [] });
      }
    }
  }

  // 2. History: what happened in the account, in time order per region folder.
  const history: CloudTrailRecord[] = [];
  history.push(updateTrail({ rng, time: new Date(WORLD_START.getTime() + 3000), region: HOME_REGION }));
  history.push(trailConfiguredGenerateDataKey({ rng, time: new Date(WORLD_START.getTime() + 7000), region: HOME_REGION }));
  const background = (region: string, time: Date) => {
    const records = rng.pick(BACKGROUND)({ rng, time, region });
    records.forEach((r, n) => {
      r.eventTime = isoSeconds(new Date(time.getTime() + n * 1000));
    });
    history.push(...records);
  };
  for (const d of deliveries) background(d.region, new Date(d.time.getTime() - rng.int(60, 50 * 60) * 1000));
  for (const region of REGIONS) {
    for (const day of DAYS) {
      for (let n = 0; n < 10; n++) background(region, new Date(Date.parse(`${day}T00:00:00Z`) + rng.int(60, 86_000) * 1000));
    }
  }
  for (const d of deliveries) {
    history.push(deliveryGenerateDataKey({ rng, time: new Date(d.time.getTime() + rng.int(1, 40) * 1000), region: HOME_REGION }, d.key));
  }
  const homeDeliveries = deliveries.filter((d) => d.region === HOME_REGION);
  for (const day of DAYS) {
    const read = homeDeliveries.filter((d) => dayOf(d.time) === day)[1];
    for (const [n, { principal, denied }] of PRINCIPAL_READERS.entries()) {
      const time = new Date(read.time.getTime() + (2 + n) * HOUR + rng.int(0, 600) * 1000);
      history.push(readerDecrypt({ rng, time, region: HOME_REGION }, read.key, PRINCIPALS[principal], denied));
    }
  }

  // 3. Digest schedule (hourly per region); their GenerateDataKey calls are history too.
  const digestPlans = REGIONS.map((region) => ({
    region,
    plans: hourlyPlans(
      WORLD_START,
      DAYS.length * 24,
      (end) => digestObjectKey(LOG_PREFIX, region, MANAGEMENT_TRAIL, end),
      () => rng.int(5, 59),
    ),
  }));
  for (const { plans } of digestPlans) {
    for (const p of plans)
      history.push(deliveryGenerateDataKey({ rng, time: new Date(p.end.getTime() + rng.int(20, 50) * 1000), region: HOME_REGION }, p.key));
  }

  // 4. Each record goes into the first later delivery of its region's folder (global IAM events: home folder).
  const folderOf = (r: CloudTrailRecord) => (REGIONS.includes(r.awsRegion) ? r.awsRegion : HOME_REGION);
  for (const r of history) {
    const t = Date.parse(r.eventTime);
    const target = deliveries.find((d) => d.region === folderOf(r) && d.time.getTime() > t);
    target?.records.push(r);
  }

  // 5. Log files.
  const logInfo = new Map<string, { hash: string; newest: string; oldest: string; gz: Buffer }>();
  const trailContext = { 'aws:cloudtrail:arn': trailArn(MANAGEMENT_TRAIL) };
  for (const d of deliveries) {
    d.records.sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
    const json = Buffer.from(JSON.stringify({ Records: d.records }));
    const gz = gzipSync(json);
    const times = d.records.map((r) => r.eventTime);
    logInfo.set(d.key, { hash: sha256(json), newest: times[times.length - 1], oldest: times[0], gz });
    seal(logBucket, {
      key: d.key,
      plaintext: gz,
      contentType: 'application/json',
      metadata: {},
      lastModified: new Date(d.time.getTime() + rng.int(1, 40) * 1000),
      sse: { kind: 'aws:kms', key: healthy, bucketKey: false, extraContext: trailContext },
    });
  }

  // 6. Digests, chained and signed, per region.
  const digestKeys: Record<string, string[]> = {};
  let lastDigestTime = WORLD_START;
  for (const { region, plans } of digestPlans) {
    const chain = writeDigestChain({
      bucket: LOG_BUCKET,
      account: ACCOUNT_ID,
      plans,
      files: deliveries
        .filter((d) => d.region === region)
        .map((d) => {
          const info = logInfo.get(d.key)!;
          return { key: d.key, delivered: d.time, hash: info.hash, newest: info.newest, oldest: info.oldest };
        }),
      signingKey,
      fingerprint,
      deliveredAt: (p) => new Date(p.end.getTime() + rng.int(20, 50) * 1000),
      store: (key, gz, metadata, lastModified) =>
        seal(logBucket, {
          key,
          plaintext: gz,
          contentType: 'application/json',
          metadata,
          lastModified,
          sse: { kind: 'aws:kms', key: healthy, bucketKey: false, extraContext: trailContext },
        }),
    });
    digestKeys[region] = chain.keys;
    if (chain.lastDelivered && chain.lastDelivered > lastDigestTime) lastDigestTime = chain.lastDelivered;
  }

  // 7. One log altered after its digest was written.
  const tampered = homeDeliveries.filter((d) => dayOf(d.time) === DAYS[1])[2];
  const altered = JSON.parse(JSON.stringify({ Records: tampered.records })) as { Records: CloudTrailRecord[] };
  altered.Records[0].sourceIPAddress = '203.0.113.66';
  seal(logBucket, {
    key: tampered.key,
    plaintext: gzipSync(Buffer.from(JSON.stringify(altered))),
    contentType: 'application/json',
    metadata: {},
    lastModified: new Date('2026-11-26T03:14:15Z'),
    sse: { kind: 'aws:kms', key: healthy, bucketKey: false, extraContext: trailContext },
  });

  // 8. Older logs under the keys the trail used before (now disabled / pending deletion).
  const oldLog = (key: KmsKey, at: string) => {
    const time = new Date(at);
    const objectKey = logObjectKey(LOG_PREFIX, HOME_REGION, time, rng.alnum(16));
    const records = [BACKGROUND[0]({ rng, time: new Date(time.getTime() - 600_000), region: HOME_REGION })[0]];
    seal(logBucket, {
      key: objectKey,
      plaintext: gzipSync(Buffer.from(JSON.stringify({ Records: records }))),
      contentType: 'application/json',
      metadata: {},
      lastModified: new Date(time.getTime() + 12_000),
      sse: { kind: 'aws:kms', key, bucketKey: false, extraContext: trailContext },
    });
    return objectKey;
  };
  const disabledKeyLog = oldLog(keys.disabled, '2026-11-23T23:10:00Z');
  const pendingDeletionKeyLog = oldLog(keys.pendingDeletion, '2026-11-22T23:10:00Z');
  // Both keys were retired after writing those logs.
  keys.disabled.state = 'Disabled';
  Object.assign(keys.pendingDeletion, {
    state: 'PendingDeletion',
    deletionDate: new Date('2026-12-20T00:00:00Z'),
    pendingWindowInDays: 30,
  });

  // 9. The data-events trail: S3 object access, SSE-S3, no prefix, no digests.
  const dataEventLogKeys: string[] = [];
  for (const day of DAYS) {
    for (const hour of [8, 20]) {
      const time = new Date(`${day}T${String(hour).padStart(2, '0')}:${String(rng.int(2, 57)).padStart(2, '0')}:00Z`);
      const key = logObjectKey('', HOME_REGION, time, rng.alnum(16));
      const records = Array.from({ length: 4 }, (_, n) =>
        s3DataEvent({ rng, time: new Date(time.getTime() - (n + 1) * 97_000), region: HOME_REGION }),
      );
      seal(dataBucket, {
        key,
        plaintext: gzipSync(Buffer.from(JSON.stringify({ Records: records }))),
        contentType: 'application/json',
        metadata: {},
        lastModified: new Date(time.getTime() + 9000),
        sse: { kind: 'AES256' },
      });
      dataEventLogKeys.push(key);
    }
  }

  // 10. Trails and LookupEvents history.
  const lastDelivery = deliveries.reduce((a, d) => (d.time > a ? d.time : a), WORLD_START);
  state.trails.push(
    {
      name: MANAGEMENT_TRAIL,
      arn: trailArn(MANAGEMENT_TRAIL),
      accountId: ACCOUNT_ID,
      homeRegion: HOME_REGION,
      bucket: LOG_BUCKET,
      s3KeyPrefix: LOG_PREFIX,
      kmsKeyArn: healthy.arn,
      isMultiRegion: true,
      includeGlobalServiceEvents: true,
      logFileValidation: true,
      hasCustomEventSelectors: false,
      isLogging: true,
      startLoggingTime: new Date('2026-10-01T09:10:00Z'),
      latestDeliveryTime: lastDelivery,
      latestDigestDeliveryTime: lastDigestTime,
    },
    {
      name: DATA_TRAIL,
      arn: trailArn(DATA_TRAIL),
      accountId: ACCOUNT_ID,
      homeRegion: HOME_REGION,
      bucket: DATA_BUCKET,
      s3KeyPrefix: '',
      isMultiRegion: false,
      includeGlobalServiceEvents: false,
      logFileValidation: false,
      hasCustomEventSelectors: true,
      isLogging: true,
      startLoggingTime: new Date('2026-10-01T09:12:00Z'),
      latestDeliveryTime: new Date(`${DAYS[DAYS.length - 1]}T20:30:00Z`),
    },
  );
  for (const r of history) state.events.add(r);

  const logKeys: Record<string, Record<string, string[]>> = {};
  for (const region of REGIONS) {
    logKeys[region] = {};
    for (const day of DAYS) {
      logKeys[region][day] = deliveries
        .filter((d) => d.region === region && dayOf(d.time) === day)
        .map((d) => d.key)
        .sort();
    }
  }
  const trailRef = (t: Trail): TrailRef => ({
    name: t.name,
    arn: t.arn,
    homeRegion: t.homeRegion,
    bucket: t.bucket,
    s3KeyPrefix: t.s3KeyPrefix,
    kmsKeyArn: t.kmsKeyArn,
    isMultiRegion: t.isMultiRegion,
    logFileValidation: t.logFileValidation,
  });
  const ref = (name: keyof typeof KEY_IDS) => ({
    keyId: KEY_IDS[name],
    arn: keyArn(HOME_REGION, KEY_IDS[name]),
    alias: ALIASES[name],
    region: HOME_REGION,
  });

  const world: SeededWorld = {
    seeded: true,
    accountId: ACCOUNT_ID,
    regions: [...REGIONS],
    now: WORLD_NOW,
    days: [...DAYS],
    buckets: { logs: { name: LOG_BUCKET, region: HOME_REGION }, dataEvents: { name: DATA_BUCKET, region: HOME_REGION } },
    trails: { management: trailRef(state.trails[0]), dataEvents: trailRef(state.trails[1]) },
    keys: { healthy: ref('healthy'), disabled: ref('disabled'), pendingDeletion: ref('pendingDeletion'), asymmetric: ref('asymmetric') },
    logKeys,
    digestKeys,
    tamperedLogKey: tampered.key,
    dataEventLogKeys,
    objects: { disabledKeyLog, pendingDeletionKeyLog },
    digestPublicKeyFingerprint: fingerprint,
    keyProbes: [],
    keyAccess: [],
  };
  seedOptionalWorlds(state, world, options, { rng, logBucket, healthy, disabled: keys.disabled });
  return world;
}
