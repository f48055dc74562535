import { ACCOUNT_ID } from '../principals';
import { digestKeyAt, logKeyAt } from './layout';

export { ACCOUNT_ID };
export const HOME_REGION = 'us-west-2';
export const OTHER_REGION = 'eu-central-1';
export const REGIONS = [HOME_REGION, OTHER_REGION];

/** The world's fixed timeline: the trail got its key and log-file validation at WORLD_START; logs for DAYS follow. */
export const WORLD_START = new Date('2026-11-24T00:00:00Z');
export const DAYS = ['2026-11-24', '2026-11-25', '2026-11-26'];
/** The sandbox clock starts here (after the last hourly digest of 2026-11-27T00:00). */
export const WORLD_NOW = new Date('2026-11-27T00:30:00Z');

export const LOG_BUCKET = `aws-cloudtrail-logs-${ACCOUNT_ID}-org-audit`;
export const LOG_PREFIX = 'org-audit';
export const DATA_BUCKET = `aws-cloudtrail-data-events-${ACCOUNT_ID}`;
export const APP_BUCKET = `app-data-${ACCOUNT_ID}`;

export const MANAGEMENT_TRAIL = 'management';
export const DATA_TRAIL = 'data-events';
export const trailArn = (name: string) => `arn:aws:cloudtrail:${HOME_REGION}:${ACCOUNT_ID}:trail/${name}`;

// Key ids are fixed so docs, tests and screenshots can name them (the first is the AWS docs' example id).
export const KEY_IDS = {
  healthy: '1234abcd-12ab-34cd-56ef-1234567890ab',
  disabled: '0987dcba-09fe-87dc-65ba-ab0987654321',
  pendingDeletion: '5a6b7c8d-1e2f-4a3b-9c8d-7e6f5a4b3c2d',
  asymmetric: 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b',
};
export const ALIASES = {
  healthy: 'alias/cloudtrail-logs',
  disabled: 'alias/cloudtrail-logs-retired',
  pendingDeletion: 'alias/cloudtrail-logs-old',
  asymmetric: 'alias/signing-rsa',
};
export const keyArn = (region: string, keyId: string) => `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${keyId}`;

/** Log object key as CloudTrail delivers it (domain facts §3), in the standalone account. */
export function logObjectKey(prefix: string, region: string, delivered: Date, unique: string): string {
  return logKeyAt({ prefix, account: ACCOUNT_ID, region }, delivered, unique);
}

/** Digest object key (with seconds; first region = delivered from, last = trail home region). */
export function digestObjectKey(prefix: string, region: string, trail: string, end: Date): string {
  return digestKeyAt({ prefix, account: ACCOUNT_ID, region }, trail, HOME_REGION, end);
}

export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
