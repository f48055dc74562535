import { gzipSync } from 'node:zlib';
import type { KmsKey } from '../kms/keys';
import type { Prng } from '../prng';
import { sealObject } from '../s3/sse';
import type { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { SeededWorld, WorldOptions } from '../types';
import { ACCOUNT_ID, HOME_REGION, LOG_PREFIX, MANAGEMENT_TRAIL, logObjectKey, trailArn } from './constants';

export const BUSY_DAY = '2026-11-20';
export const BIG_LOG_DAY = '2026-11-21';

// Scale worlds are built from one record template with a few substituted fields: fast, and still valid records.
const TEMPLATE = JSON.stringify({
  eventVersion: '1.11',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDASANDBOXADMIN0001',
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/cloudtrail-admin`,
    accountId: ACCOUNT_ID,
    accessKeyId: 'AKIASANDBOXADMIN0001',
    userName: 'cloudtrail-admin',
  },
  eventTime: '@TIME@',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DescribeInstances',
  awsRegion: HOME_REGION,
  sourceIPAddress: '198.51.100.23',
  userAgent: 'aws-cli/2.27.50 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.13.4 md/command#ec2.describe-instances',
  requestParameters: {
    instancesSet: {},
    filterSet: { items: [{ name: 'tag:team', valueSet: { items: [{ value: 'payments' }] } }] },
    maxResults: 1000,
  },
  responseElements: null,
  requestID: '@ID@',
  eventID: '@ID@',
  readOnly: true,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: ACCOUNT_ID,
  eventCategory: 'Management',
  tlsDetails: {
    tlsVersion: 'TLSv1.3',
    cipherSuite: 'TLS_AES_128_GCM_SHA256',
    clientProvidedHostHeader: `ec2.${HOME_REGION}.amazonaws.com`,
  },
});

function record(time: Date, n: number): string {
  const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  return TEMPLATE.replace('@TIME@', time.toISOString().replace(/\.\d{3}Z$/, 'Z')).replace(/@ID@/g, id);
}

export function seedScale(
  state: SandboxState,
  bucket: Bucket,
  key: KmsKey,
  rng: Prng,
  options: WorldOptions,
): NonNullable<SeededWorld['scale']> {
  const out: NonNullable<SeededWorld['scale']> = {};
  const context = { 'aws:cloudtrail:arn': trailArn(MANAGEMENT_TRAIL) };
  const store = (objectKey: string, plaintext: Buffer, time: Date) =>
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
  const n = options.filesInOneDay ?? 0;
  if (n > 0) {
    const dayStart = Date.parse(`${BUSY_DAY}T00:00:00Z`);
    for (let i = 0; i < n; i++) {
      const time = new Date(dayStart + Math.floor((i * 86_400_000) / n));
      const body = `{"Records":[${record(new Date(time.getTime() - 90_000), i * 2)},${record(new Date(time.getTime() - 30_000), i * 2 + 1)}]}`;
      store(logObjectKey(LOG_PREFIX, HOME_REGION, time, rng.alnum(16)), gzipSync(body, { level: 1 }), time);
    }
    out.busyDayPrefix = `${LOG_PREFIX}/AWSLogs/${ACCOUNT_ID}/CloudTrail/${HOME_REGION}/${BUSY_DAY.replace(/-/g, '/')}/`;
    out.busyDayFileCount = n;
  }
  const mb = options.bigLogMB ?? 0;
  if (mb > 0) {
    const target = Math.floor(mb * 1024 * 1024);
    const parts: Buffer[] = [Buffer.from('{"Records":[')];
    let size = parts[0].length + 2;
    const start = Date.parse(`${BIG_LOG_DAY}T11:00:00Z`);
    for (let i = 0; size < target; i++) {
      const piece = Buffer.from((i === 0 ? '' : ',') + record(new Date(start + (i % 3000) * 1000), i));
      parts.push(piece);
      size += piece.length;
    }
    parts.push(Buffer.from(']}'));
    const json = Buffer.concat(parts);
    const time = new Date(`${BIG_LOG_DAY}T12:05:00Z`);
    const objectKey = logObjectKey(LOG_PREFIX, HOME_REGION, time, rng.alnum(16));
    store(objectKey, gzipSync(json, { level: 1 }), time);
    out.bigLogKey = objectKey;
    out.bigLogUncompressedBytes = json.length;
  }
  return out;
}
