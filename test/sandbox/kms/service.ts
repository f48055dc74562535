import { AwsError } from '../errors';
import { authorizeIdentity } from '../iam/authorize';
import { kmsDecision } from '../iam/decisions';
import { kmsRequest, type KmsCallContext } from '../iam/context';
import type { RequestContext, SandboxState } from '../state';
import { kmsEventRecord } from '../cloudtrail/events';
import type { KmsKey } from './keys';
import { KEY_ADMIN_HANDLERS } from './keyAdmin';
import { CRYPTO_HANDLERS } from './crypto';
import type { Handler, Json } from './handler';

const READ_ONLY = new Set([
  'DescribeKey',
  'ListKeys',
  'ListAliases',
  'GetKeyPolicy',
  'GetKeyRotationStatus',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'Encrypt',
  'Decrypt',
]);

/** Operations KMS accepts on another account's key (by key ARN or alias ARN); the rest only in the caller's account. */
export const CROSS_ACCOUNT = new Set([
  'DescribeKey',
  'GetKeyRotationStatus',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'Encrypt',
  'Decrypt',
]);

const HANDLERS: Record<string, Handler> = { ...KEY_ADMIN_HANDLERS, ...CRYPTO_HANDLERS };

/**
 * KMS (awsJson1_1, `TrentService.*`). Key operations are authorized by the key policy together with the caller's
 * IAM policy (iam/authorize.ts); every call, allowed or not, becomes a CloudTrail event in the caller's account and,
 * when the key is another account's, in the key's account too.
 */
export function handleKms(state: SandboxState, operation: string, input: Json, ctx: RequestContext): Json {
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, operation) ? HANDLERS[operation] : undefined;
  if (!handler) throw new AwsError(400, 'UnknownOperationException', `Operation ${operation} is not supported by the sandbox`);
  let used: KmsKey | undefined;
  const requestParameters = loggedParameters(operation, input);
  const record = (error?: AwsError, responseElements?: Json | null) => {
    const accounts = new Set([ctx.principal.accountId, used?.accountId ?? ctx.principal.accountId]);
    for (const account of accounts) {
      state.events.add(
        kmsEventRecord(
          {
            time: state.clock.now(),
            region: ctx.region,
            eventName: operation,
            caller: { kind: 'user', principal: ctx.principal, sourceIPAddress: ctx.sourceIp, userAgent: ctx.userAgent.slice(0, 1024) },
            requestParameters,
            responseElements: responseElements ?? null,
            keyArn: used?.arn,
            keyMaterialId: used?.keyMaterialId,
            readOnly: READ_ONLY.has(operation),
            errorCode: error?.code,
            errorMessage: error?.message,
            requestID: ctx.requestId,
          },
          account,
        ),
      );
    }
  };
  try {
    const tools = {
      resolve: (ref: unknown) =>
        state.keys.resolve(ctx.region, ref as string | undefined, ctx.principal.accountId, CROSS_ACCOUNT.has(operation)),
      authorize: (key: KmsKey, call?: KmsCallContext) => {
        used = key;
        const decision = kmsDecision(ctx.principal, operation, key, call);
        if (!decision.allowed) throw new AwsError(400, 'AccessDeniedException', decision.message);
      },
      authorizeAccount: () => {
        const resource = `arn:aws:kms:${ctx.region}:${ctx.principal.accountId}:*`;
        const decision = authorizeIdentity(ctx.principal, kmsRequest(ctx.principal, operation, resource));
        if (!decision.allowed) throw new AwsError(400, 'AccessDeniedException', decision.message);
      },
    };
    const result = handler(state, input, ctx, tools);
    record(undefined, READ_ONLY.has(operation) ? null : responseOf(operation, result, used?.arn));
    return result;
  } catch (e) {
    if (e instanceof AwsError) record(e);
    throw e;
  }
}

/** requestParameters as CloudTrail logs them: camelCase members, never plaintext or ciphertext. */
function loggedParameters(operation: string, input: Json): Json | null {
  const out: Json = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'Plaintext' || k === 'CiphertextBlob' || k === 'Policy') continue;
    out[k.charAt(0).toLowerCase() + k.slice(1)] = v;
  }
  if (operation === 'Decrypt' && !out.encryptionAlgorithm) out.encryptionAlgorithm = 'SYMMETRIC_DEFAULT';
  return Object.keys(out).length > 0 ? out : null;
}

function responseOf(operation: string, result: Json, keyArn: string | undefined): Json | null {
  if (operation === 'CreateKey') return { keyMetadata: result.KeyMetadata };
  if (operation === 'ScheduleKeyDeletion')
    return {
      keyId: result.KeyId,
      keyState: result.KeyState,
      deletionDate: result.DeletionDate,
      pendingWindowInDays: result.PendingWindowInDays,
    };
  if (operation === 'DisableKey' || operation === 'EnableKey') return { keyId: keyArn ?? null };
  if (operation === 'CancelKeyDeletion') return { keyId: result.KeyId };
  return null;
}
