/** The error model and the explanations users read; import from here (`core/errors`). */
export { CancelledError, ExplainedError, isCancelled, type ExplainedExtras, type PolicyRemedy } from './explainedError';
export { explainAwsError, s3EncryptionContext, type AwsErrorContext, type AwsErrorLike } from './awsErrors';
export { corruptGzipError, notJsonError, tooLargeError, truncatedGzipError } from './fileErrors';
