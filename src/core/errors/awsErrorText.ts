/** The words every AWS error explanation shares: the context of a call, where, who, and what AWS said. */

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
  /** The key's alias, when the caller may list it: the short texts name the key by it. */
  keyAlias?: string;
  /** Set when the object is known to use an S3 Bucket Key (encryption context is then the bucket ARN). */
  bucketKeyEnabled?: boolean;
  /** The trail that wrote the object, when known: CloudTrail adds it to the encryption context. */
  trailArn?: string;
  profile?: string;
  region?: string;
  callerArn?: string;
}

export function errorCode(error: AwsErrorLike): string {
  const raw = error.code || error.name || 'Error';
  // awsJson error codes may arrive as `com.amazon…#NotFoundException` or `Code:extra` (cut without a regular
  // expression: the code comes from the endpoint, and `/:.*$/` is quadratic on many colons before a line break).
  const name = raw.slice(raw.lastIndexOf('#') + 1);
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(0, colon);
}

export function target(context: AwsErrorContext): string {
  if (context.bucket && context.key !== undefined && context.key !== '') return `s3://${context.bucket}/${context.key}`;
  if (context.bucket) return `s3://${context.bucket}`;
  if (context.keyArn) return `KMS key ${context.keyArn}`;
  return '';
}

export function who(context: AwsErrorContext): string {
  return context.callerArn ? ` (${context.callerArn})` : '';
}

export function profileHint(context: AwsErrorContext): string {
  return context.profile ? ` --profile ${context.profile}` : '';
}

export function originalText(error: AwsErrorLike, code: string): string {
  const message = (error.message ?? '').trim();
  if (!message) return `AWS said: ${code}.`;
  return `AWS said: ${code}: ${message}${/[.!?]$/.test(message) ? '' : '.'}`;
}

/** The encryption context S3 passes to KMS.Decrypt when reading this object. */
export function s3EncryptionContext(context: Pick<AwsErrorContext, 'bucket' | 'key' | 'bucketKeyEnabled' | 'trailArn'>): string {
  const s3ArnValue =
    context.bucketKeyEnabled || !context.key ? `arn:aws:s3:::${context.bucket}` : `arn:aws:s3:::${context.bucket}/${context.key}`;
  const parts = [`aws:s3:arn=${s3ArnValue}`];
  if (context.trailArn) parts.push(`aws:cloudtrail:arn=${context.trailArn}`);
  return parts.join(', ');
}
