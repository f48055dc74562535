import type { SeededWorld } from '../types';
import {
  ACCOUNT_ID,
  ALIASES,
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
  keyArn,
  trailArn,
} from './constants';

/** `world: false`: the names of the default world, none of which exists. */
export function emptyWorld(): SeededWorld {
  const ref = (name: keyof typeof KEY_IDS) => ({
    keyId: KEY_IDS[name],
    arn: keyArn(HOME_REGION, KEY_IDS[name]),
    alias: ALIASES[name],
    region: HOME_REGION,
  });
  return {
    seeded: false,
    accountId: ACCOUNT_ID,
    regions: [...REGIONS],
    now: WORLD_NOW,
    days: [...DAYS],
    buckets: { logs: { name: LOG_BUCKET, region: HOME_REGION }, dataEvents: { name: DATA_BUCKET, region: HOME_REGION } },
    trails: {
      management: {
        name: MANAGEMENT_TRAIL,
        arn: trailArn(MANAGEMENT_TRAIL),
        homeRegion: HOME_REGION,
        bucket: LOG_BUCKET,
        s3KeyPrefix: LOG_PREFIX,
        kmsKeyArn: keyArn(HOME_REGION, KEY_IDS.healthy),
        isMultiRegion: true,
        logFileValidation: true,
      },
      dataEvents: {
        name: DATA_TRAIL,
        arn: trailArn(DATA_TRAIL),
        homeRegion: HOME_REGION,
        bucket: DATA_BUCKET,
        s3KeyPrefix: '',
        isMultiRegion: false,
        logFileValidation: false,
      },
    },
    keys: { healthy: ref('healthy'), disabled: ref('disabled'), pendingDeletion: ref('pendingDeletion'), asymmetric: ref('asymmetric') },
    logKeys: {},
    digestKeys: {},
    tamperedLogKey: '',
    dataEventLogKeys: [],
    objects: { disabledKeyLog: '', pendingDeletionKeyLog: '' },
    digestPublicKeyFingerprint: '',
    keyProbes: [],
    keyAccess: [],
  };
}
