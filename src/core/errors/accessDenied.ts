/**
 * Refusals explained: which policy refused (as AWS's message says), who, which action on what, and the policy statement
 * that would allow it — with the real principal, key and account filled in (the editor's "Copy Policy Statement").
 */
import { parseArn } from '../arn';
import { originalText, s3EncryptionContext, target, who, type AwsErrorContext, type AwsErrorLike } from './awsErrorText';
import { ExplainedError } from './explainedError';

/** Is this AccessDenied about KMS refusing to decrypt for S3 (rather than S3 refusing the read)? */
export function isKmsDecryptDenial(code: string, error: AwsErrorLike, context: AwsErrorContext): boolean {
  if (code === 'KMS.AccessDeniedException') return true;
  if (code !== 'AccessDenied' && code !== 'AccessDeniedException') return false;
  const message = error.message ?? '';
  if (/kms:Decrypt/i.test(message)) return true;
  if (/s3:GetObject/i.test(message)) return false;
  // HeadObject said aws:kms yet GetObject is denied: the reader may read metadata, so KMS is what refused.
  return context.operation === 'GetObject' && !!context.keyArn;
}

/** Which policy refused, as AWS's message says it (domain facts §4); undefined when the message does not say. */
export function refusedBy(message: string | undefined): { policy: 'identity' | 'resource'; explicit: boolean } | undefined {
  const text = message ?? '';
  if (text.includes('with an explicit deny in a resource-based policy')) return { policy: 'resource', explicit: true };
  if (text.includes('with an explicit deny in an identity-based policy')) return { policy: 'identity', explicit: true };
  if (text.includes('because no resource-based policy allows')) return { policy: 'resource', explicit: false };
  if (text.includes('because no identity-based policy allows')) return { policy: 'identity', explicit: false };
  return undefined;
}

/** `user/auditor` from `arn:aws:iam::111122223333:user/auditor`: who, short enough for a notification. */
function shortPrincipal(arn: string | undefined): string | undefined {
  return arn ? (parseArn(arn)?.resource ?? arn) : undefined;
}

function accountOf(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** The statement that lets `principal` decrypt CloudTrail logs with the key: in an IAM policy, or in the key policy. */
function decryptStatement(context: AwsErrorContext, policy: 'identity' | 'key'): Record<string, unknown> {
  const keyAccount = accountOf(context.keyArn) ?? '<key account>';
  const condition = context.trailArn
    ? { StringEquals: { 'kms:EncryptionContext:aws:cloudtrail:arn': context.trailArn } }
    : { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${keyAccount}:trail/*` } };
  return {
    Sid: 'AllowDecryptCloudTrailLogs',
    Effect: 'Allow',
    ...(policy === 'key' ? { Principal: { AWS: context.callerArn ?? '<your IAM user or role ARN>' } } : {}),
    Action: 'kms:Decrypt',
    Resource: policy === 'key' ? '*' : (context.keyArn ?? '<key ARN>'),
    Condition: condition,
  };
}

/** KMS alias names: `alias/` and letters, digits, `/_-` (capped at 64 characters here). */
const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]{1,58}$/;

export function kmsDecryptDenied(error: AwsErrorLike, code: string, context: AwsErrorContext): ExplainedError {
  const keyText = context.keyArn ?? "the object's KMS key";
  const where = target(context) || 'the object';
  const refusal = refusedBy(error.message);
  const keyId = context.keyArn ? context.keyArn.slice(context.keyArn.lastIndexOf('/') + 1) : 'its KMS key';
  // Named by its alias where known (what people call the key), else by its id. Only an alias of KMS's own form and
  // short enough for a one-line headline: the text reaches a notification, whose Markdown links would be live.
  const alias = context.keyAlias && ALIAS_NAME.test(context.keyAlias) ? context.keyAlias : undefined;
  const caller = shortPrincipal(context.callerArn);
  const headline = `KMS refused ${caller ? `${caller} ` : 'you '}kms:Decrypt with key ${alias ?? keyId}${refusal ? ` (${refusal.explicit ? 'an explicit Deny in the' : 'not allowed by the'} ${refusal.policy === 'resource' ? 'key policy' : 'IAM policy'})` : ''}.`;
  const why =
    `S3 asked KMS to Decrypt on your behalf with encryption context ${s3EncryptionContext(context)}` +
    `${context.trailArn ? '' : ' (and aws:cloudtrail:arn=<the trail ARN> for CloudTrail logs)'}, and KMS refused. ${originalText(error, code)}`;
  const what = `You${who(context)} can reach ${where} but may not decrypt it: it is encrypted with KMS key ${keyText}${alias ? ` (${alias})` : ''}.`;
  if (refusal?.explicit) {
    const owner = refusal.policy === 'resource' ? 'the key policy of ' + keyText : 'your IAM policies';
    return new ExplainedError(
      'KmsDecryptDenied',
      what,
      why,
      `A Deny statement in ${owner} refuses it, and no Allow can override a Deny: ask ${refusal.policy === 'resource' ? "the key's administrator" : 'your IAM administrator'} about that statement.`,
      error,
      { headline },
    );
  }
  const policy = refusal?.policy === 'resource' ? 'key' : 'identity';
  const statement = decryptStatement(context, policy);
  const place =
    policy === 'key'
      ? `in the key policy of ${keyText} (its administrator adds it; across accounts your IAM policy must allow it too)`
      : refusal
        ? 'in your IAM policy (the key policy already leaves it to IAM)'
        : '(in the key policy or an IAM policy; cross-account needs both)';
  return new ExplainedError(
    'KmsDecryptDenied',
    what,
    why,
    `Ask for kms:Decrypt on ${keyText} ${place}, e.g. the statement ${JSON.stringify(statement)}.`,
    error,
    {
      headline,
      // In the editor the statement is one button away (Copy Policy Statement) and shown whole under Show Details.
      editorTodo: `Ask for kms:Decrypt on ${keyText} ${place}: Copy Policy Statement copies the statement to ask for.`,
      remedy: {
        policy,
        ...(context.callerArn ? { principalArn: context.callerArn } : {}),
        action: 'kms:Decrypt',
        resource: context.keyArn ?? '<key ARN>',
        statement,
      },
    },
  );
}

/** The resource an IAM statement names for the operation (a bucket for s3:ListBucket, the object for GetObject). */
function statementFor(context: AwsErrorContext, action: string): { resource: string; statement: Record<string, unknown> } | undefined {
  if (context.bucket) {
    if (action === 's3:ListBucket') {
      const resource = `arn:aws:s3:::${context.bucket}`;
      const condition = context.key ? { Condition: { StringLike: { 's3:prefix': `${context.key}*` } } } : {};
      return { resource, statement: { Effect: 'Allow', Action: action, Resource: resource, ...condition } };
    }
    const resource = context.key ? `arn:aws:s3:::${context.bucket}/${context.key}` : `arn:aws:s3:::${context.bucket}`;
    return { resource, statement: { Effect: 'Allow', Action: action, Resource: resource } };
  }
  if (context.keyArn) return { resource: context.keyArn, statement: { Effect: 'Allow', Action: action, Resource: context.keyArn } };
  if (action.includes(':')) return { resource: '*', statement: { Effect: 'Allow', Action: action, Resource: '*' } };
  return undefined;
}

/** An AccessDenied that is not a decrypt denial: which action, on what, which policy refused, and the statement to ask for. */
export function accessDenied(error: AwsErrorLike, said: string, context: AwsErrorContext, action: string): ExplainedError {
  const where = target(context);
  const on = where ? ` on ${where}` : '';
  const region = context.region ? ` in ${context.region}` : '';
  const found = statementFor(context, action);
  const refusal = refusedBy(error.message);
  const caller = shortPrincipal(context.callerArn);
  const policy = refusal?.policy === 'resource' ? (context.bucket ? 'bucket' : 'key') : 'identity';
  const statement =
    found && policy !== 'identity'
      ? { ...found.statement, Principal: { AWS: context.callerArn ?? '<your IAM user or role ARN>' } }
      : found?.statement;
  return new ExplainedError(
    'AccessDenied',
    `You${who(context)} may not ${context.operation}${on}${region}.`,
    said,
    refusal?.explicit
      ? `A Deny statement in ${refusal.policy === 'resource' ? 'the resource policy' : 'your IAM policies'} refuses ${action}; no Allow can override it: ask its administrator about that statement.`
      : `Ask for ${action}${found ? ` on ${found.resource}` : ''} (IAM policy${where.startsWith('s3://') ? ' and bucket policy' : context.keyArn ? ' and key policy' : ''}).`,
    error,
    {
      headline: `${caller ? `${caller} may` : 'You may'} not ${context.operation}${context.bucket ? ` in bucket ${context.bucket}` : ''}${region}: ${action} is not allowed.`,
      ...(found && statement && !refusal?.explicit
        ? {
            remedy: {
              policy,
              ...(context.callerArn ? { principalArn: context.callerArn } : {}),
              action,
              resource: found.resource,
              statement,
            },
          }
        : {}),
    },
  );
}
