/**
 * AWS SDK errors explained: what happened, why, and what to do (which permission, which key). Pure: takes plain error
 * fields, never SDK types.
 */
import { accessDenied, isKmsDecryptDenial, kmsDecryptDenied } from './accessDenied';
import { errorCode, originalText, profileHint, target, type AwsErrorContext, type AwsErrorLike } from './awsErrorText';
import { ExplainedError } from './explainedError';

export { s3EncryptionContext, type AwsErrorContext, type AwsErrorLike } from './awsErrorText';

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
      { editorTodo: 'Open the day in the Trails view to see which files exist.' },
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
      { editorTodo: 'Check the trail ARN and the regions the Trails view looks in (Select Regions…).' },
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
      {
        editorTodo: `Choose a working profile (Select Profile…), or sign in again (\`aws sso login${profileHint(context)}\` in a terminal for SSO profiles), or refresh the keys in ~/.aws/credentials.`,
      },
    );
  }
  if (
    code === 'AccessDenied' ||
    code === 'AccessDeniedException' ||
    code === 'Forbidden' ||
    code === 'UnauthorizedOperation' ||
    status === 403
  ) {
    return accessDenied(error, said, context, ACTION_OF[context.operation] ?? context.operation);
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
