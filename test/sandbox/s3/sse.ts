import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AwsError } from '../errors';
import { kmsEventRecord, type CallerIdentity } from '../cloudtrail/events';
import { ConnectionFault } from '../http/respond';
import { kmsViaS3Decision } from '../iam/decisions';
import type { SandboxPrincipal } from '../principals';
import type { FaultRule } from '../types';
import type { SandboxState } from '../state';
import type { KmsKey } from '../kms/keys';
import type { ObjectEncryption, S3Object } from './store';

export interface SealRequest {
  bucket: string;
  key: string;
  plaintext: Buffer;
  contentType: string;
  metadata: Record<string, string>;
  lastModified: Date;
  sse: { kind: 'none' | 'AES256' } | { kind: 'aws:kms'; key: KmsKey; bucketKey: boolean; extraContext?: Record<string, string> };
  /** Who S3 calls KMS on behalf of; undefined = seeding (the world writes its own history of these calls). */
  caller?: S3Caller;
  /** Deterministic randomness for seeding. */
  random?: (n: number) => Buffer;
}

/** Builds a stored object; for SSE-KMS S3 asks KMS for a data key bound to the object's context (envelope encryption). */
export function sealObject(state: SandboxState, req: SealRequest): S3Object {
  const random = req.random ?? randomBytes;
  const base = {
    key: req.key,
    size: req.plaintext.length,
    lastModified: req.lastModified,
    etag: createHash('md5').update(req.plaintext).digest('hex'),
    contentType: req.contentType,
    metadata: req.metadata,
  };
  if (req.sse.kind !== 'aws:kms') {
    return { ...base, encryption: { kind: req.sse.kind } as ObjectEncryption, body: req.plaintext };
  }
  const kmsKey = req.sse.key;
  const context = {
    ...(req.sse.extraContext ?? {}),
    'aws:s3:arn': req.sse.bucketKey ? `arn:aws:s3:::${req.bucket}` : `arn:aws:s3:::${req.bucket}/${req.key}`,
  };
  callKmsForS3(state, req.caller, 'GenerateDataKey', kmsKey, { keyId: kmsKey.arn, encryptionContext: context, keySpec: 'AES_256' }, () => {
    state.keys.assertUsable(kmsKey, 'ENCRYPT_DECRYPT', 'GenerateDataKey');
  });
  const dataKey = random(32);
  const encryptedDataKey = state.keys.encryptSymmetric(kmsKey, dataKey, context, random(12));
  const iv = random(16);
  const cipher = createCipheriv('aes-256-ctr', dataKey, iv);
  const body = Buffer.concat([cipher.update(req.plaintext), cipher.final()]);
  return {
    ...base,
    encryption: { kind: 'aws:kms', keyArn: kmsKey.arn, encryptedDataKey, context, bucketKey: req.sse.bucketKey },
    body,
    iv,
  };
}

/**
 * Plaintext of bytes [start, end] of an object, streamed. For SSE-KMS, S3 first calls KMS Decrypt with the stored
 * context on the caller's behalf; KMS failures surface as S3 errors (403 AccessDenied, 400 KMS.*).
 */
export function openObject(state: SandboxState, object: S3Object, start: number, end: number, caller: S3Caller): Readable {
  const enc = object.encryption;
  if (enc.kind !== 'aws:kms') return chunked(object.body, start, end, (b) => b);
  let kmsKey: KmsKey;
  try {
    kmsKey = state.keys.keyOfBlob(enc.encryptedDataKey);
  } catch {
    throw new AwsError(400, 'KMS.NotFoundException', `Key '${enc.keyArn}' does not exist`);
  }
  let dataKey: Buffer | undefined;
  callKmsForS3(
    state,
    caller,
    'Decrypt',
    kmsKey,
    { keyId: kmsKey.arn, encryptionContext: enc.context, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    () => {
      state.keys.assertUsable(kmsKey, 'ENCRYPT_DECRYPT', 'Decrypt');
      dataKey = state.keys.decryptSymmetric(kmsKey, enc.encryptedDataKey, enc.context);
    },
  );
  const decipher = createDecipheriv('aes-256-ctr', dataKey!, counterAt(object.iv!, Math.floor(start / 16)));
  const skip = start % 16;
  let first = true;
  return chunked(object.body, start - skip, end, (b) => {
    const out = decipher.update(b);
    if (first) {
      first = false;
      return out.subarray(skip);
    }
    return out;
  });
}

/**
 * Runs one KMS operation S3 makes on someone's behalf: fault rules for that KMS operation, the key policy and the
 * caller's IAM policy (kms:ViaService = s3.<region>.amazonaws.com), the work, and its CloudTrail event.
 */
function callKmsForS3(
  state: SandboxState,
  caller: S3Caller | undefined,
  operation: 'GenerateDataKey' | 'Decrypt',
  key: KmsKey,
  requestParameters: Record<string, unknown>,
  work: () => void,
): void {
  let error: AwsError | undefined;
  try {
    if (caller) internalFault(state, caller, operation);
    if (caller?.kind === 'user') {
      const decision = kmsViaS3Decision(caller.principal, operation, key, requestParameters.encryptionContext as Record<string, string>);
      if (!decision.allowed) throw new AwsError(403, 'AccessDenied', decision.message);
    }
    try {
      work();
    } catch (e) {
      if (e instanceof AwsError && e.status === 400) throw new AwsError(400, `KMS.${e.code}`, e.message);
      throw e;
    }
  } catch (e) {
    if (e instanceof AwsError) error = e;
    throw e;
  } finally {
    if (caller) {
      const accounts = new Set([caller.kind === 'user' ? caller.principal.accountId : caller.accountId, key.accountId]);
      for (const account of accounts) {
        state.events.add(
          kmsEventRecord(
            {
              time: state.clock.now(),
              region: key.region,
              eventName: operation,
              caller,
              requestParameters,
              keyArn: key.arn,
              keyMaterialId: key.keyMaterialId,
              readOnly: true,
              errorCode: error ? kmsErrorCode(error) : undefined,
              errorMessage: error?.message,
            },
            account,
          ),
        );
      }
    }
  }
}

/** What KMS logs for a failed call S3 made (S3 reports some of them in its own words). */
function kmsErrorCode(error: AwsError): string {
  if (error.code === 'SlowDown') return 'ThrottlingException';
  if (error.code === 'InternalError') return 'KMSInternalException';
  if (error.code === 'ExpiredToken') return 'ExpiredTokenException';
  return error.code.replace(/^KMS\./, '');
}

/** A fault rule for this KMS operation, as S3 reports it (domain facts §4: S3 turns KMS throttling into 503 SlowDown). */
function internalFault(state: SandboxState, caller: S3Caller, operation: string): void {
  const rule = state.faults?.takeInternal(operation);
  if (!rule) return;
  switch (rule.kind) {
    case 'throttle':
    case 'slowDown':
      throw new AwsError(503, 'SlowDown', 'Please reduce your request rate for operations involving AWS KMS.');
    case 'internalError':
      throw new AwsError(500, 'InternalError', 'We encountered an internal error. Please try again.');
    case 'expiredToken':
      throw new AwsError(400, 'ExpiredToken', 'The provided token has expired.');
    case 'reset':
    case 'silent':
      throw new ConnectionFault(rule.kind);
    case 'truncate':
    case 'trickle':
      caller.responseFault = rule;
  }
}

function counterAt(iv: Buffer, blocks: number): Buffer {
  const out = Buffer.from(iv);
  let carry = blocks;
  for (let i = 15; i >= 0 && carry > 0; i--) {
    const sum = out[i] + (carry % 256);
    out[i] = sum % 256;
    carry = Math.floor(carry / 256) + Math.floor(sum / 256);
  }
  return out;
}

const CHUNK = 256 * 1024;

function chunked(source: Buffer, start: number, end: number, transform: (b: Buffer) => Buffer): Readable {
  let pos = start;
  return new Readable({
    read() {
      if (pos > end) {
        this.push(null);
        return;
      }
      const stop = Math.min(end + 1, pos + CHUNK);
      const piece = transform(source.subarray(pos, stop));
      pos = stop;
      this.push(piece);
    },
  });
}

/** Who S3 acts for, plus a fault the response must carry (set when an internal KMS call hit a truncate/trickle rule). */
export type S3Caller = CallerIdentity & { responseFault?: FaultRule };

export function s3CallerOf(principal: SandboxPrincipal): S3Caller {
  return { kind: 'user', principal, sourceIPAddress: 'AWS Internal', userAgent: 'AWS Internal', invokedBy: 'AWS Internal' };
}
