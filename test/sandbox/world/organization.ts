/**
 * The organization world (part of the default world; `organization: false` leaves it out): a management account with
 * two organization trails into buckets of a separate log-archive account, as AWS Control Tower sets it up.
 * - `organization-trail`: no prefix, key `alias/org-trail-logs`, logs and digests of 2026-11-26 for all four accounts;
 * - `aws-controltower-BaselineCloudTrail`: prefix `o-a1b2c3d4e5` (the Control Tower layout), key
 *   `alias/control-tower-logs`, started 2026-11-26T18:00.
 * Logs land under `[prefix/]AWSLogs/<o-id>/<account>/CloudTrail/<region>/…`, digests per account and region under
 * `CloudTrail-Digest/`, signed and chained as for any trail (`aws cloudtrail validate-logs --account-id` accepts them).
 */
import { ACCOUNTS, ORG_ACCOUNTS, ORGANIZATION_ID } from '../accounts';
import type { KmsKey } from '../kms/keys';
import { PRINCIPALS } from '../principals';
import { Prng } from '../prng';
import { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { OrganizationWorld, OrgTrailFacts } from '../types';
import { REGIONS } from './constants';
import { controlTowerKeyPolicy, logArchiveBucketPolicy, organizationKeyPolicy } from './orgPolicies';
import { RealisticRecords } from './realistic';
import { addKey, addTrail } from './resources';
import { TrailWriter } from './trailWriter';

const HOME = 'us-west-2';
const MANAGEMENT = ORG_ACCOUNTS.management;
const ACCOUNT_IDS: string[] = [ORG_ACCOUNTS.management, ORG_ACCOUNTS.logArchive, ORG_ACCOUNTS.memberProd, ORG_ACCOUNTS.memberDev];
const trailArnOf = (name: string) => `arn:aws:cloudtrail:${HOME}:${MANAGEMENT}:trail/${name}`;

interface TrailPlan {
  name: string;
  bucket: string;
  prefix: string;
  keyId: string;
  alias: string;
  /** Logging and digests start here and run `hours` hours. */
  start: Date;
  hours: number;
  /** Delivery hours (UTC) of each day. */
  deliveryHours: number[];
  policy(trailArn: string): string;
}

const PLANS: Record<'organization' | 'controlTower', TrailPlan> = {
  organization: {
    name: 'organization-trail',
    bucket: `aws-cloudtrail-logs-${ORG_ACCOUNTS.logArchive}-org`,
    prefix: '',
    keyId: '7a1c0e55-2b9d-4c3e-8f41-6d2a9b0c1e77',
    alias: 'alias/org-trail-logs',
    start: new Date('2026-11-26T00:00:00Z'),
    hours: 24,
    deliveryHours: [2, 8, 14, 20],
    policy: organizationKeyPolicy,
  },
  controlTower: {
    name: 'aws-controltower-BaselineCloudTrail',
    bucket: `aws-controltower-logs-${ORG_ACCOUNTS.logArchive}-${HOME}`,
    prefix: ORGANIZATION_ID,
    keyId: '3c9e4d21-7f0a-4b5c-9d8e-2a1b0c9d8e7f',
    alias: 'alias/control-tower-logs',
    start: new Date('2026-11-26T18:00:00Z'),
    hours: 6,
    deliveryHours: [19, 22],
    policy: (arn) => controlTowerKeyPolicy(arn, PRINCIPALS.logArchiveReader.arn),
  },
};

export function seedOrganization(state: SandboxState): OrganizationWorld {
  const rng = new Prng('cloudtrail-kms-explorer/sandbox-organization/v1', true);
  const records = new RealisticRecords('organization');
  const signer = state.digestKey!;
  state.organization = { id: ORGANIZATION_ID, managementAccountId: MANAGEMENT, accountIds: [...ACCOUNT_IDS] };
  const trails = {} as Record<'organization' | 'controlTower', OrgTrailFacts>;
  for (const [which, plan] of Object.entries(PLANS) as Array<['organization' | 'controlTower', TrailPlan]>) {
    const arn = trailArnOf(plan.name);
    const key = makeKey(state, rng, plan, arn);
    const bucket = state.buckets.add(
      new Bucket(
        plan.bucket,
        HOME,
        new Date('2025-02-01T10:00:00Z'),
        { kind: 'aws:kms', keyArn: key.arn, bucketKey: false },
        ORG_ACCOUNTS.logArchive,
      ),
    );
    bucket.policy = logArchiveBucketPolicy(plan.bucket, plan.prefix, arn);
    const writer = new TrailWriter(
      state,
      { name: plan.name, arn, homeRegion: HOME, bucket, prefix: plan.prefix, organizationId: ORGANIZATION_ID, key },
      rng,
    );
    const logKeys: OrgTrailFacts['logKeys'] = {};
    const digestKeys: OrgTrailFacts['digestKeys'] = {};
    const days = new Set<string>();
    let lastDelivery = plan.start;
    let lastDigest = plan.start;
    for (const account of ACCOUNT_IDS) {
      logKeys[account] = {};
      digestKeys[account] = {};
      for (const region of REGIONS) {
        logKeys[account][region] = {};
        for (let h = 0; h < plan.hours; h++) {
          const hourStart = plan.start.getTime() + h * 3_600_000;
          if (!plan.deliveryHours.includes(new Date(hourStart).getUTCHours())) continue;
          const delivered = new Date(hourStart + rng.int(3, 56) * 60_000);
          const times: string[] = [];
          const texts: string[] = [];
          for (let n = rng.int(8, 16); n > 0; n--) {
            const t = new Date(delivered.getTime() - rng.int(60, 55 * 60) * 1000);
            const text = records.record(t, account, region);
            texts.push(text);
            times.push(t.toISOString().replace(/\.\d{3}Z$/, 'Z'));
            state.events.add(JSON.parse(text));
          }
          const objectKey = writer.writeLog(account, region, delivered, texts, times);
          const day = delivered.toISOString().slice(0, 10);
          days.add(day);
          (logKeys[account][region][day] ??= []).push(objectKey);
          if (delivered > lastDelivery) lastDelivery = delivered;
        }
        const chain = writer.writeDigests(account, region, plan.start, plan.hours, signer);
        digestKeys[account][region] = chain.keys;
        if (chain.lastDelivered && chain.lastDelivered > lastDigest) lastDigest = chain.lastDelivered;
      }
    }
    addTrail(state, {
      name: plan.name,
      arn,
      accountId: MANAGEMENT,
      organizationId: ORGANIZATION_ID,
      homeRegion: HOME,
      bucket: plan.bucket,
      s3KeyPrefix: plan.prefix,
      kmsKeyArn: key.arn,
      logFileValidation: true,
      startLoggingTime: plan.start,
      latestDeliveryTime: lastDelivery,
      latestDigestDeliveryTime: lastDigest,
    });
    trails[which] = {
      name: plan.name,
      arn,
      homeRegion: HOME,
      bucket: plan.bucket,
      s3KeyPrefix: plan.prefix,
      kmsKeyArn: key.arn,
      isMultiRegion: true,
      logFileValidation: true,
      isOrganizationTrail: true,
      key: { keyId: key.keyId, arn: key.arn, alias: plan.alias, region: HOME, accountId: MANAGEMENT },
      days: [...days].sort(),
      logKeys,
      digestKeys,
      validationWindow: {
        start: plan.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        end: new Date(plan.start.getTime() + (plan.hours + 1) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
    };
  }
  return {
    id: ORGANIZATION_ID,
    managementAccountId: MANAGEMENT,
    logArchiveAccountId: ORG_ACCOUNTS.logArchive,
    memberAccountIds: [ORG_ACCOUNTS.memberProd, ORG_ACCOUNTS.memberDev],
    accounts: ACCOUNTS.filter((a) => ACCOUNT_IDS.includes(a.id)).map((a) => ({ id: a.id, name: a.name })),
    regions: [...REGIONS],
    trails,
  };
}

function makeKey(state: SandboxState, rng: Prng, plan: TrailPlan, trailArn: string): KmsKey {
  return addKey(state, {
    keyId: plan.keyId,
    alias: plan.alias,
    region: HOME,
    accountId: MANAGEMENT,
    description: `Encrypts the log and digest files of the ${plan.name} organization trail`,
    policy: plan.policy(trailArn),
    creationDate: new Date('2025-02-01T09:40:00Z'),
    material: rng.bytes(32),
  });
}
