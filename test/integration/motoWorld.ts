/** Seeds a moto server through the real SDK: keys, a log bucket, trails, and SSE-KMS gzipped logs in the CloudTrail layout. */
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateAliasCommand, CreateKeyCommand, DisableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { gzipText, makeLogDocument } from './awsTestSupport';

export const MOTO_ACCOUNT = '123456789012';
export const MOTO_REGION = 'us-west-2';
export const MOTO_KEYS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export interface MotoWorld {
  bucket: string;
  healthyKeyArn: string;
  disabledKeyArn: string;
  asymmetricKeyArn: string;
  trailArn: string;
  day: string;
  logKeys: string[];
  plainKey: string;
  corruptKey: string;
  truncatedKey: string;
  logText: string;
}

export async function seedMoto(endpoint: string): Promise<MotoWorld> {
  const common = { region: MOTO_REGION, endpoint, credentials: MOTO_KEYS };
  const kms = new KMSClient(common);
  const s3 = new S3Client({ ...common, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  const cloudTrail = new CloudTrailClient(common);
  try {
    const healthy = (await kms.send(new CreateKeyCommand({ Description: 'CloudTrail logs' }))).KeyMetadata?.Arn ?? '';
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/cloudtrail-logs', TargetKeyId: healthy }));
    const disabledMeta = (await kms.send(new CreateKeyCommand({ Description: 'disabled' }))).KeyMetadata;
    const disabled = disabledMeta?.Arn ?? '';
    await kms.send(new DisableKeyCommand({ KeyId: disabledMeta?.KeyId })); // moto wants the id, not the ARN
    const asymmetric =
      (await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', Description: 'asymmetric' }))).KeyMetadata
        ?.Arn ?? '';

    const bucket = 'moto-cloudtrail-logs';
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: MOTO_REGION } }));
    const created = await cloudTrail.send(
      new CreateTrailCommand({
        Name: 'management',
        S3BucketName: bucket,
        KmsKeyId: healthy,
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
      }),
    );
    await cloudTrail.send(new StartLoggingCommand({ Name: 'management' }));
    await cloudTrail.send(
      new CreateTrailCommand({ Name: 'disabled-key', S3BucketName: bucket, S3KeyPrefix: 'disabled', KmsKeyId: disabled }),
    );
    await cloudTrail.send(
      new CreateTrailCommand({ Name: 'asymmetric-key', S3BucketName: bucket, S3KeyPrefix: 'asym', KmsKeyId: asymmetric }),
    );

    const root = `AWSLogs/${MOTO_ACCOUNT}/CloudTrail/${MOTO_REGION}/2026/11/27/`;
    const logText = makeLogDocument(MOTO_ACCOUNT, MOTO_REGION, 40);
    const logKeys: string[] = [];
    for (const [index, minute] of ['0005', '0010', '0015'].entries()) {
      const key = `${root}${MOTO_ACCOUNT}_CloudTrail_${MOTO_REGION}_20261127T${minute}Z_abcdefghijklmno${index}.json.gz`;
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipText(logText), ServerSideEncryption: 'aws:kms', SSEKMSKeyId: healthy }),
      );
      logKeys.push(key);
    }
    const eastKey = `AWSLogs/${MOTO_ACCOUNT}/CloudTrail/us-east-1/2026/11/27/${MOTO_ACCOUNT}_CloudTrail_us-east-1_20261127T0005Z_abcdefghijklmnop.json.gz`;
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: eastKey,
        Body: gzipText(makeLogDocument(MOTO_ACCOUNT, 'us-east-1', 3)),
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: healthy,
      }),
    );
    const digestKey = `AWSLogs/${MOTO_ACCOUNT}/CloudTrail-Digest/${MOTO_REGION}/2026/11/27/${MOTO_ACCOUNT}_CloudTrail-Digest_${MOTO_REGION}_management_${MOTO_REGION}_20261127T010000Z.json.gz`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: digestKey, Body: gzipText('{"logFiles":[]}') }));
    const plainKey = 'plain/records.json';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: plainKey, Body: logText }));
    const corruptKey = 'broken/corrupt.json.gz';
    const corrupt = gzipText(logText);
    corrupt.fill(0x55, 20, 60);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: corruptKey, Body: corrupt }));
    const truncatedKey = 'broken/truncated.json.gz';
    const full = gzipText(logText);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: truncatedKey, Body: full.subarray(0, Math.floor(full.length / 2)) }));
    return {
      bucket,
      healthyKeyArn: healthy,
      disabledKeyArn: disabled,
      asymmetricKeyArn: asymmetric,
      trailArn: created.TrailARN ?? '',
      day: '2026-11-27',
      logKeys,
      plainKey,
      corruptKey,
      truncatedKey,
      logText,
    };
  } finally {
    kms.destroy();
    s3.destroy();
    cloudTrail.destroy();
  }
}
