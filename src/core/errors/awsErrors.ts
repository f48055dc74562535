/**
 * AWS SDK errors explained: what happened, why, and what to do (which permission, which key). Pure: takes plain error
 * fields, never SDK types.
 */
import { ExplainedError } from './explainedError';

export interface AwsErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export interface AwsErrorContext {
  /** The AWS operation, e.g. `GetObject`, `DescribeKey`. */
  operation: string;
  bucket?: string;
  key?: string;
  /** The KMS key involved (from HeadObject, the trail, or the call). */
  keyArn?: string;
  /** Set when the object is known to use an S3 Bucket Key (encryption context is then the bucket ARN). */
  bucketKeyEnabled?: boolean;
  /** The trail that wrote the object, when known: CloudTrail adds it to the encryption context. */
  trailArn?: string;
  profile?: string;
  region?: string;
  callerArn?: string;
}

const CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'CredentialsProviderError',
  'InvalidToken',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'InvalidSignatureException',
  'AuthFailure',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'SlowDown',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Which IAM action each operation needs, so a denial can say what to ask for. */
const ACTION_OF: Record<string, string> = {
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  ListObjectsV2: 's3:ListBucket',
  ListObjects: 's3:ListBucket',
  GetBucketLocation: 's3:GetBucketLocation',
  HeadBucket: 's3:ListBucket',
  PutObject: 's3:PutObject',
  DescribeTrails: 'cloudtrail:DescribeTrails',
  GetTrailStatus: 'cloudtrail:GetTrailStatus',
  GetTrail: 'cloudtrail:GetTrail',
  ListTrails: 'cloudtrail:ListTrails',
  LookupEvents: 'cloudtrail:LookupEvents',
  ListPublicKeys: 'cloudtrail:ListPublicKeys',
  DescribeKey: 'kms:DescribeKey',
  ListKeys: 'kms:ListKeys',
  ListAliases: 'kms:ListAliases',
  GetKeyPolicy: 'kms:GetKeyPolicy',
  GetKeyRotationStatus: 'kms:GetKeyRotationStatus',
  Decrypt: 'kms:Decrypt',
  GenerateDataKey: 'kms:GenerateDataKey',
};

function errorCode(error: AwsErrorLike): string {
  const raw = error.code || error.name || 'Error';
  // awsJson error codes may arrive as `com.amazon…#NotFoundException` or `Code:extra`.
  return raw.replace(/^.*#/, '').replace(/:.*$/, '');
}

function target(context: AwsErrorContext): string {
  if (context.bucket && context.key !== undefined && context.key !== '') return `s3://${context.bucket}/${context.key}`;
  if (context.bucket) return `s3://${context.bucket}`;
  if (context.keyArn) return `KMS key ${context.keyArn}`;
  return '';
}

function who(context: AwsErrorContext): string {
  return context.callerArn ? ` (${context.callerArn})` : '';
}

function profileHint(context: AwsErrorContext): string {
  return context.profile ? ` --profile ${context.profile}` : '';
}

function originalText(error: AwsErrorLike, code: string): string {
  const message = (error.message ?? '').trim();
  if (!message) return `AWS said: ${code}.`;
  return `AWS said: ${code}: ${message}${/[.!?]$/.test(message) ? '' : '.'}`;
}

/** Is this AccessDenied about KMS refusing to decrypt for S3 (rather than S3 refusing the read)? */
function isKmsDecryptDenial(code: string, error: AwsErrorLike, context: AwsErrorContext): boolean {
  if (code === 'KMS.AccessDeniedException') return true;
  if (code !== 'AccessDenied' && code !== 'AccessDeniedException') return false;
  const message = error.message ?? '';
  if (/kms:Decrypt/i.test(message)) return true;
  if (/s3:GetObject/i.test(message)) return false;
  // HeadObject said aws:kms yet GetObject is denied: the reader may read metadata, so KMS is what refused.
  return context.operation === 'GetObject' && !!context.keyArn;
}

/** The encryption context S3 passes to KMS.Decrypt when reading this object. */
export function s3EncryptionContext(context: Pick<AwsErrorContext, 'bucket' | 'key' | 'bucketKeyEnabled' | 'trailArn'>): string {
  const s3ArnValue =
    context.bucketKeyEnabled || !context.key ? `arn:aws:s3:::${context.bucket}` : `arn:aws:s3:::${context.bucket}/${context.key}`;
  const parts = [`aws:s3:arn=${s3ArnValue}`];
  if (context.trailArn) parts.push(`aws:cloudtrail:arn=${context.trailArn}`);
  return parts.join(', ');
}

function kmsDecryptDenied(error: AwsErrorLike, code: string, context: AwsErrorContext): ExplainedError {
  const keyText = context.keyArn ?? "the object's KMS key";
  const where = target(context) || 'the object';
  const condition = context.trailArn
    ? `"StringEquals": {"kms:EncryptionContext:aws:cloudtrail:arn": "${context.trailArn}"}`
    : '"StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:<account>:trail/*"}';
  return new ExplainedError(
    'KmsDecryptDenied',
    `You${who(context)} can reach ${where} but may not decrypt it: it is encrypted with KMS key ${keyText}.`,
    `S3 asked KMS to Decrypt on your behalf with encryption context ${s3EncryptionContext(context)}` +
      `${context.trailArn ? '' : ' (and aws:cloudtrail:arn=<the trail ARN> for CloudTrail logs)'}, and KMS refused. ${originalText(error, code)}`,
    `Ask for kms:Decrypt on ${keyText} (in the key policy or an IAM policy; cross-account needs both), e.g. a statement ` +
      `{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "${context.keyArn ?? '<key ARN>'}", "Condition": {${condition}}}.`,
    error,
  );
}

/** Turns an AWS SDK error (as plain fields) into words the user can act on. */
export function explainAwsError(error: AwsErrorLike, context: AwsErrorContext): ExplainedError {
  if (error instanceof ExplainedError) return error;
  const code = errorCode(error);
  const status = error.$metadata?.httpStatusCode;
  const where = target(context);
  const on = where ? ` on ${where}` : '';
  const region = context.region ? ` in ${context.region}` : '';
  const said = originalText(error, code);

  if (isKmsDecryptDenial(code, error, context)) return kmsDecryptDenied(error, code, context);

  if (code === 'KMS.DisabledException' || code === 'DisabledException') {
    const keyText = context.keyArn ?? keyArnIn(error.message) ?? 'the KMS key';
    return new ExplainedError(
      'KeyDisabled',
      `${where ? `${where} cannot be decrypted: ` : ''}KMS key ${keyText} is disabled.`,
      `A disabled key decrypts nothing, and CloudTrail cannot deliver new logs with it. ${said}`,
      `Ask the key's administrator to enable it (kms:EnableKey, e.g. \`aws kms enable-key --key-id ${keyText}\`).`,
      error,
    );
  }
  if (code === 'KMS.KMSInvalidStateException' || code === 'KMSInvalidStateException') {
    const keyText = context.keyArn ?? keyArnIn(error.message) ?? 'the KMS key';
    const pending = /pending ?deletion/i.test(error.message ?? '');
    return new ExplainedError(
      'KeyInvalidState',
      `${where ? `${where} cannot be decrypted: ` : ''}KMS key ${keyText} is ${pending ? 'pending deletion' : 'in a state that does not allow this operation'}.`,
      `${pending ? 'A key scheduled for deletion cannot be used; once deleted, everything encrypted with it is lost.' : 'Only an Enabled key can decrypt.'} ${said}`,
      pending
        ? `Ask the key's administrator to cancel the deletion (\`aws kms cancel-key-deletion --key-id ${keyText}\`) and enable the key again.`
        : 'Check the key state with `aws kms describe-key` and ask its administrator to enable it.',
      error,
    );
  }
  if (code === 'KMS.NotFoundException' || (code === 'NotFoundException' && (context.keyArn || /kms|key/i.test(context.operation)))) {
    const keyText = context.keyArn ?? keyArnIn(error.message) ?? 'the KMS key';
    return new ExplainedError(
      'KeyNotFound',
      `KMS key ${keyText} was not found${region}.`,
      `It was deleted, or it lives in another region or account than the one asked. ${said}`,
      'Check the key ARN and region; a CloudTrail key must be in the same region as the bucket.',
      error,
    );
  }
  if (code === 'NoSuchKey' || (code === 'NotFound' && context.key)) {
    return new ExplainedError(
      'NoSuchKey',
      `There is no object ${where || 'at that location'}.`,
      `The key may be mistyped, or the file was moved or deleted. ${said}`,
      'List the folder (`ls`) to see which files exist.',
      error,
    );
  }
  if (code === 'NoSuchBucket') {
    return new ExplainedError(
      'NoSuchBucket',
      `The bucket ${context.bucket ?? ''} does not exist.`.replace('  ', ' '),
      `It may have been deleted, or the name is mistyped. ${said}`,
      "Check the trail's S3 bucket name.",
      error,
    );
  }
  if (code === 'TrailNotFoundException') {
    return new ExplainedError(
      'TrailNotFound',
      `The trail was not found${region}.`,
      said,
      'Check the trail name or ARN and the region (use `trails` to list them).',
      error,
    );
  }
  if (
    CREDENTIAL_CODES.has(code) ||
    /could not load credentials|credential/i.test(error.name ?? '') ||
    /Could not load credentials|Unable to load credentials|token (is|has) expired|The SSO session/i.test(error.message ?? '')
  ) {
    const expired = /Expired|RequestExpired|TokenRefresh|expired/i.test(`${code} ${error.message ?? ''}`);
    return new ExplainedError(
      'Credentials',
      expired
        ? `Your AWS credentials${context.profile ? ` (profile ${context.profile})` : ''} have expired.`
        : `No valid AWS credentials${context.profile ? ` for profile ${context.profile}` : ''} were found for ${context.operation}.`,
      said,
      `Choose a working profile (--profile or the cloudtrailKms.profile setting), or sign in again: \`aws sso login${profileHint(context)}\` for SSO profiles, or refresh the keys in ~/.aws/credentials.`,
      error,
    );
  }
  if (
    code === 'AccessDenied' ||
    code === 'AccessDeniedException' ||
    code === 'Forbidden' ||
    code === 'UnauthorizedOperation' ||
    status === 403
  ) {
    const action = ACTION_OF[context.operation] ?? context.operation;
    return new ExplainedError(
      'AccessDenied',
      `You${who(context)} may not ${context.operation}${on}${region}.`,
      said,
      `Ask for ${action}${where ? ` on ${where.startsWith('s3://') ? `arn:aws:s3:::${where.slice(5)}` : where}` : ''} (IAM policy${where.startsWith('s3://') ? ' and bucket policy' : context.keyArn ? ' and key policy' : ''}).`,
      error,
    );
  }
  if (THROTTLING_CODES.has(code) || status === 429 || status === 503) {
    return new ExplainedError(
      'Throttled',
      `AWS kept throttling ${context.operation}${on}${region}.`,
      `The request was retried with backoff and was still refused. ${said}`,
      'Wait a minute and try again, or work with fewer regions at once.',
      error,
    );
  }
  if (NETWORK_CODES.has(code) || /ECONNREFUSED|ECONNRESET|ENOTFOUND|socket hang up/i.test(error.message ?? '')) {
    return new ExplainedError(
      'Network',
      `Could not reach AWS for ${context.operation}${on}${region}.`,
      `The connection failed. ${said}`,
      'Check the network, the region, and the endpoint URL setting if you use one.',
      error,
    );
  }
  if (status !== undefined && status >= 500) {
    return new ExplainedError(
      'ServiceError',
      `AWS failed ${context.operation}${on}${region} with a server error (${status}).`,
      `It was retried and kept failing. ${said}`,
      'Try again later.',
      error,
    );
  }
  return new ExplainedError(code || 'AwsError', `${context.operation}${on}${region} failed.`, said, undefined, error);
}

function keyArnIn(message: string | undefined): string | undefined {
  return /arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+/.exec(message ?? '')?.[0];
}
