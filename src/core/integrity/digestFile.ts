/**
 * CloudTrail digest files: parsing, the string to sign and the SHA256withRSA check, exactly as
 * `aws cloudtrail validate-logs` does them (awscli/customizations/cloudtrail/validation.py).
 */
import { createHash, createPublicKey, createVerify, type KeyObject } from 'node:crypto';

/** One log file listed in a digest. */
export interface DigestLogEntry {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
}

/** The digest fields validation uses; `raw` keeps the whole parsed JSON. */
export interface DigestData {
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  previousDigestSignature: string | null;
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  logFiles: DigestLogEntry[];
}

/** A digest verdict that is not `valid`: the text after `INVALID: ` in the aws CLI's line. */
export class DigestInvalid extends Error {
  override readonly name = 'DigestInvalid';
}

/** The fields the aws CLI requires before checking anything else (DigestTraverser.required_digest_keys). */
const REQUIRED = [
  'digestPublicKeyFingerprint',
  'digestS3Bucket',
  'digestS3Object',
  'previousDigestSignature',
  'digestEndTime',
  'digestStartTime',
] as const;

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A log entry's field as text: strings as they are, numbers and booleans printed, missing ''. An object or array is
 * `invalid format` (String() of `{"toString": 1}` threw a TypeError that escaped validation).
 */
function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') throw new DigestInvalid('invalid format');
  return String(value);
}

/** Inflated digest bytes as JSON; not JSON (or not an object) is `invalid format`, as in the aws CLI. */
export function parseDigestJson(inflated: Uint8Array): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(inflated).toString('utf8'));
  } catch {
    throw new DigestInvalid('invalid format');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new DigestInvalid('invalid format');
  return json as Record<string, unknown>;
}

/** The fields validation needs; a missing required field is `invalid format`, as in the aws CLI. */
export function digestFields(doc: Record<string, unknown>): DigestData {
  for (const field of REQUIRED) if (!(field in doc)) throw new DigestInvalid('invalid format');
  for (const field of REQUIRED) {
    if (field === 'previousDigestSignature' ? doc[field] !== null && typeof doc[field] !== 'string' : typeof doc[field] !== 'string') {
      throw new DigestInvalid('invalid format');
    }
  }
  const logFiles: DigestLogEntry[] = [];
  if (doc.logFiles !== undefined && doc.logFiles !== null) {
    if (!Array.isArray(doc.logFiles)) throw new DigestInvalid('invalid format');
    for (const entry of doc.logFiles as unknown[]) {
      const log = (entry ?? {}) as Record<string, unknown>;
      logFiles.push({ s3Bucket: scalarText(log.s3Bucket), s3Object: scalarText(log.s3Object), hashValue: scalarText(log.hashValue) });
    }
  }
  return {
    digestStartTime: doc.digestStartTime as string,
    digestEndTime: doc.digestEndTime as string,
    digestS3Bucket: doc.digestS3Bucket as string,
    digestS3Object: doc.digestS3Object as string,
    digestPublicKeyFingerprint: doc.digestPublicKeyFingerprint as string,
    previousDigestSignature: optionalString(doc.previousDigestSignature),
    previousDigestS3Bucket: optionalString(doc.previousDigestS3Bucket),
    previousDigestS3Object: optionalString(doc.previousDigestS3Object),
    logFiles,
  };
}

/** `endTime \n bucket/key \n sha256hex(inflated) \n previousSignature|null`, UTF-8, no trailing newline. */
export function digestStringToSign(
  digest: Pick<DigestData, 'digestEndTime' | 'digestS3Bucket' | 'digestS3Object' | 'previousDigestSignature'>,
  inflated: Uint8Array,
): string {
  const hash = createHash('sha256').update(inflated).digest('hex');
  // The literal "null" matches CloudTrail's Java signer.
  return `${digest.digestEndTime}\n${digest.digestS3Bucket}/${digest.digestS3Object}\n${hash}\n${digest.previousDigestSignature ?? 'null'}`;
}

/** Loads a DER RSA public key as ListPublicKeys serves it (PKCS#1 documented; SubjectPublicKeyInfo seen in a doc sample). */
export function loadPublicKey(der: Uint8Array): KeyObject {
  const bytes = Buffer.from(der);
  try {
    return createPublicKey({ key: bytes, format: 'der', type: 'pkcs1' });
  } catch {
    try {
      return createPublicKey({ key: bytes, format: 'der', type: 'spki' });
    } catch {
      throw new DigestInvalid('Unable to load PKCS #1 key');
    }
  }
}

/** CloudTrail's public key fingerprint: hex MD5 of the DER bytes. */
export function publicKeyFingerprint(der: Uint8Array): string {
  return createHash('md5').update(der).digest('hex');
}

/** SHA256withRSA (PKCS#1 v1.5) over the string to sign; false for a bad or malformed signature. */
export function verifyDigestSignature(key: KeyObject, stringToSign: string, signatureHex: string): boolean {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(signatureHex)) return false;
  try {
    return createVerify('RSA-SHA256').update(stringToSign, 'utf8').verify(key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

export interface SignedDigest {
  bucket: string;
  key: string;
  inflated: Uint8Array;
  /** S3 metadata `signature` (hex); undefined when the object has none. */
  signature?: string;
  signatureAlgorithm?: string;
  /** S3 metadata `backfill-generation-timestamp` (backfill digests only). */
  backfillGenerationTimestamp?: string;
}

/** Digest keys of backfill digests end in `_backfill.json.gz`. */
export function isBackfillDigestKey(key: string): boolean {
  return key.endsWith('_backfill.json.gz');
}

/**
 * The checks before the signature, in the aws CLI's order: JSON, signature metadata, backfill timestamp, required
 * fields, location. Throws DigestInvalid with the CLI's reason.
 */
export function readDigest(fetched: SignedDigest): DigestData {
  const doc = parseDigestJson(fetched.inflated);
  if (fetched.signature === undefined || fetched.signatureAlgorithm === undefined) throw new DigestInvalid('signature verification failed');
  if (isBackfillDigestKey(fetched.key) && fetched.backfillGenerationTimestamp === undefined) throw new DigestInvalid('invalid format');
  const digest = digestFields(doc);
  if (digest.digestS3Bucket !== fetched.bucket || digest.digestS3Object !== fetched.key)
    throw new DigestInvalid('has been moved from its original location');
  return digest;
}

/** The signature check with the public key the digest's fingerprint names (DER bytes, or undefined when not found). */
export function verifyDigest(fetched: SignedDigest, digest: DigestData, publicKeyDer: Uint8Array | undefined, homeRegion: string): void {
  if (!publicKeyDer)
    throw new DigestInvalid(`public key not found in region ${homeRegion} for fingerprint ${digest.digestPublicKeyFingerprint}`);
  let key: KeyObject;
  try {
    key = loadPublicKey(publicKeyDer);
  } catch {
    throw new DigestInvalid(`Unable to load PKCS #1 key with fingerprint ${digest.digestPublicKeyFingerprint}`);
  }
  const ok = verifyDigestSignature(key, digestStringToSign(digest, fetched.inflated), fetched.signature ?? '');
  if (!ok) throw new DigestInvalid('signature verification failed');
}
