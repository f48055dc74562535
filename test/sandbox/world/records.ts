import { isoSeconds } from '../clock';
import type { CloudTrailRecord } from '../cloudtrail/events';
import { PRINCIPALS, type SandboxPrincipal } from '../principals';
import { keyMaterialIdOf } from '../kms/keys';
import type { Prng } from '../prng';
import { ACCOUNT_ID, APP_BUCKET, HOME_REGION, KEY_IDS, LOG_BUCKET, LOG_PREFIX, keyArn, trailArn, MANAGEMENT_TRAIL } from './constants';

type Rec = Record<string, unknown>;

const CLI_AGENT =
  'aws-cli/2.27.50 md/awscrt#0.26.1 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.13.4 md/pyimpl#CPython m/E,b cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#s3api.list-buckets';
const CONSOLE_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleTexWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const SDK_AGENT =
  'aws-sdk-java/2.31.0 Linux/5.10.238-231.953.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.7+6-LTS Java/21.0.7 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/adaptive';

export function userOf(p: SandboxPrincipal): Rec {
  return { type: 'IAMUser', principalId: p.userId, arn: p.arn, accountId: ACCOUNT_ID, accessKeyId: p.accessKeyId, userName: p.userName };
}

function role(roleName: string, session: string, rng: Prng, time: Date, extra: Rec = {}): Rec {
  const roleId = `AROA${rng.alnum(17).toUpperCase()}`.slice(0, 21);
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${session}`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleName}/${session}`,
    accountId: ACCOUNT_ID,
    accessKeyId: `ASIA${rng.alnum(16).toUpperCase()}`,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: roleId,
        arn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`,
        accountId: ACCOUNT_ID,
        userName: roleName,
      },
      attributes: { creationDate: isoSeconds(new Date(time.getTime() - 40 * 60_000)), mfaAuthenticated: 'false' },
      ...extra,
    },
  };
}

export interface RecordInput {
  rng: Prng;
  time: Date;
  region: string;
}

function base(input: RecordInput, source: string, name: string, fields: Rec): CloudTrailRecord {
  const { rng, time, region } = input;
  return {
    eventVersion: '1.11',
    userIdentity: fields.userIdentity,
    eventTime: isoSeconds(time),
    eventSource: source,
    eventName: name,
    awsRegion: (fields.awsRegion as string) ?? region,
    sourceIPAddress: fields.sourceIPAddress ?? `198.51.100.${rng.int(2, 250)}`,
    userAgent: fields.userAgent ?? CLI_AGENT,
    ...(fields.errorCode ? { errorCode: fields.errorCode } : {}),
    ...(fields.errorMessage ? { errorMessage: fields.errorMessage } : {}),
    requestParameters: fields.requestParameters ?? null,
    responseElements: fields.responseElements ?? null,
    ...(fields.additionalEventData ? { additionalEventData: fields.additionalEventData } : {}),
    requestID: fields.requestID ?? rng.uuid(),
    eventID: rng.uuid(),
    readOnly: fields.readOnly ?? false,
    ...(fields.resources ? { resources: fields.resources } : {}),
    eventType: fields.eventType ?? 'AwsApiCall',
    managementEvent: fields.managementEvent ?? true,
    recipientAccountId: ACCOUNT_ID,
    ...(fields.sharedEventID ? { sharedEventID: fields.sharedEventID } : {}),
    ...(fields.vpcEndpointId ? { vpcEndpointId: fields.vpcEndpointId } : {}),
    eventCategory: fields.eventCategory ?? 'Management',
    ...(fields.sessionCredentialFromConsole ? { sessionCredentialFromConsole: fields.sessionCredentialFromConsole } : {}),
    ...(fields.tls === false || (fields.userIdentity && (fields.userIdentity as Rec).invokedBy)
      ? {}
      : {
          tlsDetails: {
            tlsVersion: 'TLSv1.3',
            cipherSuite: 'TLS_AES_128_GCM_SHA256',
            clientProvidedHostHeader: fields.host ?? `${source.split('.')[0]}.${region}.amazonaws.com`,
          },
        }),
  } as CloudTrailRecord;
}

function kmsResource(arn: string): Rec[] {
  return [{ accountId: ACCOUNT_ID, type: 'AWS::KMS::Key', ARN: arn }];
}

const managedKeyId = (region: string, service: string) =>
  `${service === 'ebs' ? 'b1' : service === 'lambda' ? 'c2' : 'd3'}${region === HOME_REGION ? 'aa' : 'bb'}77e0-5d4c-4b3a-9f8e-0d1c2b3a4f5e`;
export const managedKeyArn = (region: string, service: string) => keyArn(region, managedKeyId(region, service));
export const MANAGED_SERVICES = ['ebs', 'lambda', 'secretsmanager'];
export { managedKeyId };

/** Seed event 1: CloudTrail checks it can use the key when the trail is configured. */
export function trailConfiguredGenerateDataKey(input: RecordInput): CloudTrailRecord {
  return base(input, 'kms.amazonaws.com', 'GenerateDataKey', {
    userIdentity: { ...userOf(PRINCIPALS.admin), invokedBy: 'cloudtrail.amazonaws.com' },
    sourceIPAddress: 'cloudtrail.amazonaws.com',
    userAgent: 'cloudtrail.amazonaws.com',
    requestParameters: {
      keyId: `arn:aws:kms:${HOME_REGION}:${ACCOUNT_ID}:alias/cloudtrail-logs`,
      encryptionContext: {
        'aws:cloudtrail:arn': trailArn(MANAGEMENT_TRAIL),
        'aws:s3:arn': `arn:aws:s3:::${LOG_BUCKET}/${LOG_PREFIX}/AWSLogs/${ACCOUNT_ID}/`,
      },
      keySpec: 'AES_256',
    },
    additionalEventData: { keyMaterialId: keyMaterialIdOf(KEY_IDS.healthy) },
    readOnly: true,
    resources: kmsResource(keyArn(HOME_REGION, KEY_IDS.healthy)),
    eventType: 'AwsServiceEvent',
  });
}

export function updateTrail(input: RecordInput): CloudTrailRecord {
  return base(input, 'cloudtrail.amazonaws.com', 'UpdateTrail', {
    userIdentity: userOf(PRINCIPALS.admin),
    requestParameters: {
      name: MANAGEMENT_TRAIL,
      kmsKeyId: 'alias/cloudtrail-logs',
      enableLogFileValidation: true,
      isMultiRegionTrail: true,
    },
    responseElements: {
      name: MANAGEMENT_TRAIL,
      s3BucketName: LOG_BUCKET,
      s3KeyPrefix: LOG_PREFIX,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      trailARN: trailArn(MANAGEMENT_TRAIL),
      logFileValidationEnabled: true,
      kmsKeyId: keyArn(HOME_REGION, KEY_IDS.healthy),
      isOrganizationTrail: false,
    },
  });
}

/** Seed event 2: S3 asks KMS for the data key of a log file CloudTrail delivers (context names that very file). */
export function deliveryGenerateDataKey(input: RecordInput, objectKey: string): CloudTrailRecord {
  return base(input, 'kms.amazonaws.com', 'GenerateDataKey', {
    awsRegion: HOME_REGION,
    userIdentity: { type: 'AWSService', invokedBy: 'cloudtrail.amazonaws.com' },
    sourceIPAddress: 'cloudtrail.amazonaws.com',
    userAgent: 'cloudtrail.amazonaws.com',
    requestParameters: {
      keyId: keyArn(HOME_REGION, KEY_IDS.healthy),
      encryptionContext: { 'aws:cloudtrail:arn': trailArn(MANAGEMENT_TRAIL), 'aws:s3:arn': `arn:aws:s3:::${LOG_BUCKET}/${objectKey}` },
      keySpec: 'AES_256',
    },
    additionalEventData: { keyMaterialId: keyMaterialIdOf(KEY_IDS.healthy) },
    readOnly: true,
    resources: kmsResource(keyArn(HOME_REGION, KEY_IDS.healthy)),
    eventType: 'AwsServiceEvent',
  });
}

/** Seed event 3: a person reads a log; S3 calls Decrypt on their behalf. `denied` = the auditor, who may not. */
export function readerDecrypt(input: RecordInput, objectKey: string, reader: SandboxPrincipal, denied: boolean): CloudTrailRecord {
  const arn = keyArn(HOME_REGION, KEY_IDS.healthy);
  return base(input, 'kms.amazonaws.com', 'Decrypt', {
    awsRegion: HOME_REGION,
    userIdentity: { ...userOf(reader), invokedBy: 'AWS Internal' },
    sourceIPAddress: 'AWS Internal',
    userAgent: 'AWS Internal',
    ...(denied
      ? {
          errorCode: 'AccessDenied',
          errorMessage: `User: ${reader.arn} is not authorized to perform: kms:Decrypt on resource: ${arn} because no identity-based policy allows the kms:Decrypt action`,
        }
      : { additionalEventData: { keyMaterialId: keyMaterialIdOf(KEY_IDS.healthy) } }),
    requestParameters: {
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      keyId: arn,
      encryptionContext: { 'aws:cloudtrail:arn': trailArn(MANAGEMENT_TRAIL), 'aws:s3:arn': `arn:aws:s3:::${LOG_BUCKET}/${objectKey}` },
    },
    readOnly: true,
    resources: kmsResource(arn),
  });
}

export function digestGenerateDataKey(input: RecordInput, digestKey: string): CloudTrailRecord {
  return deliveryGenerateDataKey(input, digestKey);
}

type Template = (input: RecordInput) => CloudTrailRecord[];

/** Everyday activity: the varied records a real account's logs hold. */
export const BACKGROUND: Template[] = [
  (i) => [
    base(i, 's3.amazonaws.com', 'ListBuckets', {
      userIdentity: userOf(PRINCIPALS.admin),
      requestParameters: { Host: `s3.${i.region}.amazonaws.com` },
      readOnly: true,
      additionalEventData: {
        SignatureVersion: 'SigV4',
        CipherSuite: 'TLS_AES_128_GCM_SHA256',
        bytesTransferredIn: 0,
        AuthenticationMethod: 'AuthHeader',
        'x-amz-id-2': i.rng.alnum(40),
        bytesTransferredOut: 1544,
      },
    }),
  ],
  (i) => [
    base(i, 's3.amazonaws.com', 'GetBucketPolicy', {
      userIdentity: userOf(PRINCIPALS.auditor),
      requestParameters: { bucketName: APP_BUCKET, Host: `s3.${i.region}.amazonaws.com`, policy: '' },
      errorCode: 'NoSuchBucketPolicy',
      errorMessage: 'The bucket policy does not exist',
      readOnly: true,
      resources: [{ accountId: ACCOUNT_ID, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${APP_BUCKET}` }],
    }),
  ],
  (i) => [
    base(i, 'ec2.amazonaws.com', 'DescribeInstances', {
      userIdentity: role('developer', 'alice@example.com', i.rng, i.time),
      userAgent: CONSOLE_AGENT,
      requestParameters: { instancesSet: {}, filterSet: {} },
      readOnly: true,
      sessionCredentialFromConsole: 'true',
    }),
  ],
  (i) => {
    const volume = `vol-0${i.rng.hex(16)}`;
    const instance = `i-0${i.rng.hex(16)}`;
    const ebsKey = managedKeyArn(i.region, 'ebs');
    return [
      base(i, 'ec2.amazonaws.com', 'RunInstances', {
        userIdentity: role('developer', 'alice@example.com', i.rng, i.time),
        requestParameters: {
          instancesSet: { items: [{ imageId: `ami-0${i.rng.hex(16)}`, minCount: 1, maxCount: 1 }] },
          instanceType: 't3.micro',
          blockDeviceMapping: {
            items: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8, deleteOnTermination: true, volumeType: 'gp3', encrypted: true } }],
          },
        },
        responseElements: {
          requestId: i.rng.uuid(),
          reservationId: `r-0${i.rng.hex(16)}`,
          ownerId: ACCOUNT_ID,
          instancesSet: { items: [{ instanceId: instance, instanceState: { code: 0, name: 'pending' } }] },
        },
      }),
      base(i, 'kms.amazonaws.com', 'GenerateDataKeyWithoutPlaintext', {
        userIdentity: { ...role('developer', 'alice@example.com', i.rng, i.time), invokedBy: 'ec2.amazonaws.com' },
        sourceIPAddress: 'ec2.amazonaws.com',
        userAgent: 'ec2.amazonaws.com',
        requestParameters: { keyId: 'alias/aws/ebs', numberOfBytes: 64, encryptionContext: { 'aws:ebs:id': volume } },
        additionalEventData: { keyMaterialId: i.rng.hex(64) },
        readOnly: true,
        resources: kmsResource(ebsKey),
      }),
      base(i, 'kms.amazonaws.com', 'Decrypt', {
        userIdentity: {
          type: 'AssumedRole',
          principalId: `${ACCOUNT_ID}:aws:ec2-infrastructure:${instance}`,
          arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/aws:ec2-infrastructure/${instance}`,
          accountId: ACCOUNT_ID,
          accessKeyId: '',
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: `${ACCOUNT_ID}:aws:ec2-infrastructure`,
              arn: `arn:aws:iam::${ACCOUNT_ID}:role/aws:ec2-infrastructure`,
              accountId: ACCOUNT_ID,
              userName: 'aws:ec2-infrastructure',
            },
            attributes: { creationDate: isoSeconds(i.time), mfaAuthenticated: 'false' },
          },
        },
        sourceIPAddress: 'AWS Internal',
        userAgent: 'AWS Internal',
        requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:ebs:id': volume } },
        additionalEventData: { keyMaterialId: i.rng.hex(64) },
        readOnly: true,
        resources: kmsResource(ebsKey),
        tls: false,
      }),
    ];
  },
  (i) => [
    base(i, 'sts.amazonaws.com', 'AssumeRole', {
      userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
      sourceIPAddress: 'lambda.amazonaws.com',
      userAgent: 'lambda.amazonaws.com',
      requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/order-processor-role`, roleSessionName: 'order-processor' },
      responseElements: {
        credentials: {
          accessKeyId: `ASIA${i.rng.alnum(16).toUpperCase()}`,
          sessionToken: `IQoJb3JpZ2luX2VjE${i.rng.alnum(60)}`,
          expiration: new Date(i.time.getTime() + 12 * 3_600_000).toUTCString(),
        },
        assumedRoleUser: {
          assumedRoleId: `AROA${i.rng.alnum(16).toUpperCase()}:order-processor`,
          arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/order-processor-role/order-processor`,
        },
      },
      readOnly: true,
      resources: [{ accountId: ACCOUNT_ID, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${ACCOUNT_ID}:role/order-processor-role` }],
      eventType: 'AwsServiceEvent',
      sharedEventID: i.rng.uuid(),
    }),
  ],
  (i) => [
    base(i, 'signin.amazonaws.com', 'ConsoleLogin', {
      userIdentity: {
        type: 'IAMUser',
        principalId: PRINCIPALS.auditor.userId,
        arn: PRINCIPALS.auditor.arn,
        accountId: ACCOUNT_ID,
        userName: PRINCIPALS.auditor.userName,
      },
      userAgent: CONSOLE_AGENT,
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: {
        LoginTo: `https://console.aws.amazon.com/console/home?region=${i.region}`,
        MobileVersion: 'No',
        MFAUsed: 'Yes',
      },
      eventType: 'AwsConsoleSignIn',
      host: `${i.region}.signin.aws.amazon.com`,
    }),
  ],
  (i) => [
    base(i, 'signin.amazonaws.com', 'ConsoleLogin', {
      userIdentity: {
        type: 'IAMUser',
        principalId: ACCOUNT_ID,
        accountId: ACCOUNT_ID,
        accessKeyId: '',
        userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      },
      userAgent: CONSOLE_AGENT,
      errorMessage: 'Failed authentication',
      responseElements: { ConsoleLogin: 'Failure' },
      additionalEventData: {
        LoginTo: `https://console.aws.amazon.com/console/home?region=${i.region}`,
        MobileVersion: 'No',
        MFAUsed: 'No',
      },
      eventType: 'AwsConsoleSignIn',
      host: `${i.region}.signin.aws.amazon.com`,
    }),
  ],
  (i) => {
    const fn = `arn:aws:lambda:${i.region}:${ACCOUNT_ID}:function:order-processor`;
    return [
      base(i, 'kms.amazonaws.com', 'Decrypt', {
        userIdentity: role('order-processor-role', 'order-processor', i.rng, i.time),
        sourceIPAddress: 'lambda.amazonaws.com',
        userAgent: 'lambda.amazonaws.com',
        requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:lambda:FunctionArn': fn } },
        additionalEventData: { keyMaterialId: i.rng.hex(64) },
        readOnly: true,
        resources: kmsResource(managedKeyArn(i.region, 'lambda')),
        tls: false,
      }),
    ];
  },
  (i) => {
    const secret = `arn:aws:secretsmanager:${i.region}:${ACCOUNT_ID}:secret:prod/orders/db-AbCdEf`;
    const version = i.rng.uuid();
    const identity = role('order-processor-role', 'order-processor', i.rng, i.time);
    return [
      base(i, 'secretsmanager.amazonaws.com', 'GetSecretValue', {
        userIdentity: identity,
        userAgent: SDK_AGENT,
        requestParameters: { secretId: 'prod/orders/db' },
        readOnly: true,
        resources: [{ accountId: ACCOUNT_ID, type: 'AWS::SecretsManager::Secret', ARN: secret }],
      }),
      base(i, 'kms.amazonaws.com', 'Decrypt', {
        userIdentity: { ...identity, invokedBy: 'secretsmanager.amazonaws.com' },
        sourceIPAddress: 'secretsmanager.amazonaws.com',
        userAgent: 'secretsmanager.amazonaws.com',
        requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { SecretARN: secret, SecretVersionId: version } },
        additionalEventData: { keyMaterialId: i.rng.hex(64) },
        readOnly: true,
        resources: kmsResource(managedKeyArn(i.region, 'secretsmanager')),
      }),
    ];
  },
  (i) => [
    base(i, 'iam.amazonaws.com', 'CreateUser', {
      awsRegion: 'us-east-1',
      userIdentity: role('developer', 'alice@example.com', i.rng, i.time),
      userAgent: CONSOLE_AGENT,
      requestParameters: { userName: `contractor-${i.rng.int(10, 99)}` },
      errorCode: 'AccessDenied',
      errorMessage: `User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/developer/alice@example.com is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT_ID}:user/contractor because no identity-based policy allows the iam:CreateUser action`,
      host: 'iam.amazonaws.com',
    }),
  ],
  (i) => [
    base(i, 'iam.amazonaws.com', 'AttachRolePolicy', {
      awsRegion: 'us-east-1',
      userIdentity: userOf(PRINCIPALS.admin),
      requestParameters: {
        roleName: 'order-processor-role',
        policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      },
      host: 'iam.amazonaws.com',
    }),
  ],
  (i) => [
    base(i, 'kms.amazonaws.com', 'DescribeKey', {
      userIdentity: userOf(PRINCIPALS.auditor),
      requestParameters: { keyId: 'alias/cloudtrail-logs' },
      readOnly: true,
      resources: kmsResource(keyArn(HOME_REGION, KEY_IDS.healthy)),
      awsRegion: HOME_REGION,
    }),
  ],
];

/** An S3 data event (data-events trail): object-level access to the application bucket. */
export function s3DataEvent(i: RecordInput): CloudTrailRecord {
  const write = i.rng.int(0, 2) === 0;
  const key = `orders/2026/11/${i.rng.alnum(10)}.json`;
  return base(i, 's3.amazonaws.com', write ? 'PutObject' : 'GetObject', {
    userIdentity: role('order-processor-role', 'order-processor', i.rng, i.time),
    userAgent: SDK_AGENT,
    requestParameters: { bucketName: APP_BUCKET, Host: `${APP_BUCKET}.s3.${i.region}.amazonaws.com`, key },
    additionalEventData: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: write ? 1873 : 0,
      AuthenticationMethod: 'AuthHeader',
      bytesTransferredOut: write ? 0 : 1873,
    },
    readOnly: !write,
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${APP_BUCKET}/${key}` },
      { accountId: ACCOUNT_ID, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${APP_BUCKET}` },
    ],
    managementEvent: false,
    eventCategory: 'Data',
  });
}

/** Who reads a log each day: the admin (allowed) and the auditor (denied kms:Decrypt). */
export const PRINCIPAL_READERS: Array<{ principal: 'admin' | 'auditor'; denied: boolean }> = [
  { principal: 'admin', denied: false },
  { principal: 'auditor', denied: true },
];
