/** An AWS-shaped error; each protocol renders it its own way (XML for S3/STS, JSON for KMS/CloudTrail). */
export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (HEAD errors have no body). */
    readonly headers: Record<string, string> = {},
    /** Extra elements of an S3 error document, e.g. `Key`, `BucketName`. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}
