import { createCipheriv, createDecipheriv, createHash, KeyObject, randomBytes } from 'node:crypto';
import { AwsError } from '../errors';

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

export interface KmsKey {
  keyId: string;
  arn: string;
  region: string;
  accountId: string;
  description: string;
  keySpec: 'SYMMETRIC_DEFAULT' | 'RSA_2048';
  keyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY';
  state: KeyState;
  creationDate: Date;
  deletionDate?: Date;
  pendingWindowInDays?: number;
  /** 32-byte AES key of a symmetric key. Never leaves the sandbox process. */
  material?: Buffer;
  rsaPrivateKey?: KeyObject;
  policy: string;
  rotationEnabled: boolean;
  /** AWS managed keys (`alias/aws/<service>`) have KeyManager AWS. */
  keyManager: 'AWS' | 'CUSTOMER';
  /** 64 hex, as `KeyMaterialId` / `additionalEventData.keyMaterialId`. */
  keyMaterialId: string;
}

export interface AliasEntry {
  aliasName: string;
  targetKeyId: string;
  region: string;
  /** Account the alias belongs to (the target key's account). */
  accountId: string;
  creationDate: Date;
}

const MAGIC = Buffer.from('SBX1');
const KEY_ID_LENGTH = 36;

/** KMS key and alias storage plus the symmetric crypto (AES-256-GCM, encryption context as AAD). */
export class KeyStore {
  readonly keys = new Map<string, KmsKey>();
  readonly aliases: AliasEntry[] = [];

  add(key: KmsKey): KmsKey {
    this.keys.set(key.keyId, key);
    return key;
  }

  addAlias(alias: AliasEntry): void {
    if (this.aliases.some((a) => a.region === alias.region && a.accountId === alias.accountId && a.aliasName === alias.aliasName)) {
      throw new AwsError(
        400,
        'AlreadyExistsException',
        `An alias with the name arn:aws:kms:${alias.region}:${alias.accountId}:${alias.aliasName} already exists`,
      );
    }
    this.aliases.push(alias);
  }

  keysIn(region: string, accountId: string): KmsKey[] {
    return [...this.keys.values()].filter((k) => k.region === region && k.accountId === accountId);
  }

  aliasesOf(key: KmsKey): AliasEntry[] {
    return this.aliases.filter((a) => a.targetKeyId === key.keyId && a.region === key.region);
  }

  /**
   * Key id, key ARN, alias name or alias ARN, in the caller's region (KMS keys are regional). A key id or alias name
   * means the caller's account; an ARN may name another account's key when `crossAccount` (the operations KMS allows
   * across accounts), else such a key is not found, as in KMS.
   */
  resolve(region: string, ref: string | undefined, accountId: string, crossAccount = true): KmsKey {
    if (!ref)
      throw new AwsError(
        400,
        'ValidationException',
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
      );
    let key: KmsKey | undefined;
    const aliasArn = /^arn:aws:kms:([^:]+):(\d{12}):(alias\/.+)$/.exec(ref);
    const keyArn = /^arn:aws:kms:([^:]+):(\d{12}):key\/(.+)$/.exec(ref);
    if (ref.startsWith('alias/') || aliasArn) {
      const name = aliasArn ? aliasArn[3] : ref;
      const owner = aliasArn ? aliasArn[2] : accountId;
      const reachable = (aliasArn ? aliasArn[1] === region : true) && (owner === accountId || crossAccount);
      const alias = reachable ? this.aliases.find((a) => a.region === region && a.accountId === owner && a.aliasName === name) : undefined;
      key = alias ? this.keys.get(alias.targetKeyId) : undefined;
      if (!key) throw new AwsError(400, 'NotFoundException', `Alias arn:aws:kms:${region}:${owner}:${name} is not found.`);
      return key;
    }
    if (keyArn) key = keyArn[1] === region && (keyArn[2] === accountId || crossAccount) ? this.keys.get(keyArn[3]) : undefined;
    else key = this.keys.get(ref);
    if (key && !keyArn && key.accountId !== accountId) key = undefined;
    if (key && keyArn && key.accountId !== keyArn[2]) key = undefined;
    if (!key || key.region !== region) {
      throw new AwsError(400, 'NotFoundException', keyArn ? `Key '${ref}' does not exist` : `Invalid keyId ${ref}`);
    }
    return key;
  }

  /** Throws what KMS throws when a key can't be used for a cryptographic operation. */
  assertUsable(key: KmsKey, usage: 'ENCRYPT_DECRYPT', operation: string): void {
    if (key.state === 'Disabled') throw new AwsError(400, 'DisabledException', `${key.arn} is disabled.`);
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    if (key.keyUsage !== usage || (key.keySpec !== 'SYMMETRIC_DEFAULT' && operation.startsWith('GenerateDataKey'))) {
      throw new AwsError(400, 'InvalidKeyUsageException', `${key.arn} key usage is ${key.keyUsage} which is not valid for ${operation}.`);
    }
  }

  encryptSymmetric(key: KmsKey, plaintext: Buffer, context: Record<string, string> | undefined, iv: Buffer = randomBytes(12)): Buffer {
    if (!key.material) throw new AwsError(400, 'InvalidKeyUsageException', `${key.arn} is not a symmetric key.`);
    const cipher = createCipheriv('aes-256-gcm', key.material, iv);
    cipher.setAAD(contextAad(context));
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([MAGIC, Buffer.from(key.keyId, 'ascii'), iv, cipher.getAuthTag(), ct]);
  }

  /** The key a ciphertext blob names, or InvalidCiphertextException. */
  keyOfBlob(blob: Buffer): KmsKey {
    const keyId =
      blob.length > MAGIC.length + KEY_ID_LENGTH + 28 && blob.subarray(0, 4).equals(MAGIC)
        ? blob.subarray(4, 4 + KEY_ID_LENGTH).toString('ascii')
        : undefined;
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key) throw new AwsError(400, 'InvalidCiphertextException', '');
    return key;
  }

  decryptSymmetric(key: KmsKey, blob: Buffer, context: Record<string, string> | undefined): Buffer {
    const at = MAGIC.length + KEY_ID_LENGTH;
    const iv = blob.subarray(at, at + 12);
    const tag = blob.subarray(at + 12, at + 28);
    const decipher = createDecipheriv('aes-256-gcm', key.material!, iv);
    decipher.setAAD(contextAad(context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(blob.subarray(at + 28)), decipher.final()]);
    } catch {
      // Wrong encryption context or altered blob: KMS gives no detail.
      throw new AwsError(400, 'InvalidCiphertextException', '');
    }
  }
}

/** Encryption context bound as AAD: canonical (sorted keys) JSON. */
export function contextAad(context: Record<string, string> | undefined): Buffer {
  if (!context || Object.keys(context).length === 0) return Buffer.alloc(0);
  const sorted = Object.keys(context)
    .sort()
    .map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify(sorted));
}

export function keyMaterialIdOf(seed: string): string {
  return createHash('sha256').update(`key-material:${seed}`).digest('hex');
}
