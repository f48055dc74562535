/** KMS keys as plain KeyInfo: DescribeKey, its alias, its rotation, and the flags that matter for CloudTrail. */
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  type AliasListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { parseArn } from '../core/arn';
import { explainAwsError, ExplainedError } from '../core/errors';
import { keyFlags } from '../core/keyHealth';
import { LruMap } from '../core/lruMap';
import type { KeyInfo } from '../core/model';
import type { AwsClients } from './clients';
import { mapLimited } from './concurrency';

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);

/** What a key is checked against: the trail's bucket region and account, and the caller's own account. */
export interface KeyContext {
  bucketRegion?: string;
  trailAccount?: string;
  callerAccount?: string;
}

function codeOf(error: unknown): string {
  const e = error as { name?: string; code?: string };
  return (e.code || e.name || '').replace(/^.*#/, '');
}

function isoDate(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

async function rotationOf(clients: AwsClients, region: string, keyId: string, meta: KeyMetadata): Promise<boolean | undefined> {
  // Asymmetric, HMAC, imported and custom-store keys have no automatic rotation to ask about.
  if (meta.KeySpec && meta.KeySpec !== 'SYMMETRIC_DEFAULT') return undefined;
  if (meta.Origin && meta.Origin !== 'AWS_KMS') return undefined;
  if (meta.KeyState === 'PendingDeletion' || meta.KeyState === 'PendingReplicaDeletion') return undefined;
  try {
    const answer = await clients.kms(region).send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    return answer.KeyRotationEnabled;
  } catch {
    return undefined; // not allowed or not supported: unknown, not an error worth stopping for
  }
}

async function aliasOf(clients: AwsClients, region: string, keyId: string): Promise<string | undefined> {
  try {
    const answer = await clients.kms(region).send(new ListAliasesCommand({ KeyId: keyId }));
    return answer.Aliases?.map((entry) => entry.AliasName)
      .filter((name): name is string => !!name)
      .sort()[0];
  } catch {
    return undefined; // ListAliases works only in the caller's own account
  }
}

/** The key's state (Enabled, Disabled, PendingDeletion…) from DescribeKey; undefined when it may not be described. */
export async function describeKeyState(clients: AwsClients, keyArn: string): Promise<string | undefined> {
  const region = parseArn(keyArn)?.region || (await clients.defaultRegion());
  try {
    return (await clients.kms(region).send(new DescribeKeyCommand({ KeyId: keyArn }))).KeyMetadata?.KeyState;
  } catch {
    return undefined;
  }
}

/** Aliases already looked up, per connection (a search may explain many denied files of one key). */
const knownAliases = new WeakMap<AwsClients, LruMap<string, Promise<string | undefined>>>();

/**
 * The alias a key is known by (the first by name), from its ARN: ListAliases in the key's region. Undefined for a key
 * of another account (ListAliases lists the caller's own aliases only), a key without alias, or when it may not list.
 * Remembered per connection for the few hundred most recent keys.
 */
export function keyAlias(clients: AwsClients, keyArn: string): Promise<string | undefined> {
  let known = knownAliases.get(clients);
  if (!known) knownAliases.set(clients, (known = new LruMap(256)));
  let alias = known.get(keyArn);
  if (!alias) {
    alias = lookUpKeyAlias(clients, keyArn);
    known.set(keyArn, alias);
  }
  return alias;
}

async function lookUpKeyAlias(clients: AwsClients, keyArn: string): Promise<string | undefined> {
  const arn = parseArn(keyArn);
  if (!arn || arn.service !== 'kms' || !arn.resource.startsWith('key/')) return undefined;
  const caller = await clients.callerIdentity().catch(() => undefined);
  if (caller && caller.account !== arn.account) return undefined;
  return aliasOf(clients, arn.region, arn.resource.slice('key/'.length));
}

function fromMetadata(
  meta: KeyMetadata,
  region: string,
  extra: { alias?: string; rotationEnabled?: boolean },
  context: KeyContext,
): KeyInfo {
  const arn = meta.Arn ?? '';
  const account = meta.AWSAccountId ?? parseArn(arn)?.account ?? '';
  const info: KeyInfo = {
    arn,
    keyId: meta.KeyId ?? '',
    region,
    account,
    ...(extra.alias ? { alias: extra.alias } : {}),
    ...(meta.Description ? { description: meta.Description } : {}),
    keySpec: meta.KeySpec ?? meta.CustomerMasterKeySpec,
    keyUsage: meta.KeyUsage,
    keyState: meta.KeyState,
    keyManager: meta.KeyManager,
    multiRegion: meta.MultiRegion ?? false,
    ...(extra.rotationEnabled !== undefined ? { rotationEnabled: extra.rotationEnabled } : {}),
    ...(meta.DeletionDate ? { deletionDate: isoDate(meta.DeletionDate) } : {}),
    flags: [],
  };
  info.flags = keyFlags({
    keyArn: arn,
    keyRegion: region,
    keyAccount: account,
    keySpec: info.keySpec,
    keyState: info.keyState,
    deletionDate: info.deletionDate,
    rotationEnabled: info.rotationEnabled,
    bucketRegion: context.bucketRegion,
    trailAccount: context.trailAccount,
    callerAccount: context.callerAccount,
  });
  return info;
}

/**
 * A key DescribeKey did not describe: when it is missing or describing it is denied, a KeyInfo with what is known
 * and the flag that says why the rest is missing; any other failure (credentials, network) throws.
 */
function undescribedKey(
  clients: AwsClients,
  error: unknown,
  key: { arn: string; keyId: string; region: string; account: string },
  context: KeyContext = {},
): KeyInfo {
  const code = codeOf(error);
  const notFound = code === 'NotFoundException';
  const describeDenied = DENIED.has(code);
  if (!notFound && !describeDenied)
    throw explainAwsError(error as Error, {
      operation: 'DescribeKey',
      keyArn: key.arn,
      region: key.region,
      profile: clients.profileName(),
    });
  return {
    ...key,
    flags: keyFlags({ keyArn: key.arn, keyRegion: key.region, keyAccount: key.account, ...context, notFound, describeDenied }),
  };
}

/**
 * Describes a trail's key (or the key that decrypted a log). A key that is missing, or in another account whose policy
 * denies DescribeKey, still yields a KeyInfo with what is known from its ARN and a flag saying why the rest is missing
 * (for another account's key: which account, which permission). Credential and network failures throw.
 */
export async function describeTrailKey(clients: AwsClients, keyArn: string, context: KeyContext): Promise<KeyInfo> {
  const parsed = parseArn(keyArn);
  const region = parsed?.region || context.bucketRegion || (await clients.defaultRegion());
  let meta: KeyMetadata | undefined;
  try {
    meta = (await clients.kms(region).send(new DescribeKeyCommand({ KeyId: keyArn }))).KeyMetadata;
  } catch (error) {
    const keyId = parsed?.resource.replace(/^key\//, '') ?? keyArn;
    return undescribedKey(clients, error, { arn: keyArn, keyId, region, account: parsed?.account ?? '' }, context);
  }
  if (!meta) throw new ExplainedError('KeyNotFound', `KMS did not describe key ${keyArn}.`, 'DescribeKey answered without key metadata.');
  // ListAliases answers only for the caller's own account's keys.
  const owner = context.callerAccount ?? context.trailAccount;
  const ownAccount = !owner || !meta.AWSAccountId || meta.AWSAccountId === owner;
  const keyId = meta.KeyId ?? keyArn;
  const [alias, rotationEnabled] = await Promise.all([
    ownAccount ? aliasOf(clients, region, keyId) : Promise.resolve(undefined),
    rotationOf(clients, region, keyId, meta),
  ]);
  return fromMetadata(meta, region, { alias, rotationEnabled }, context);
}

/** Every key in a region with its aliases (the `keys` command): ListKeys + ListAliases, then DescribeKey per key. */
export async function listKeys(clients: AwsClients, region: string): Promise<KeyInfo[]> {
  const kms = clients.kms(region);
  const explain = (operation: string) => (error: unknown) => {
    throw explainAwsError(error as Error, { operation, region, profile: clients.profileName() });
  };
  const keyIds: string[] = [];
  let marker: string | undefined;
  do {
    const page = await kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker })).catch(explain('ListKeys'));
    for (const key of page.Keys ?? []) if (key.KeyId) keyIds.push(key.KeyId);
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker);

  const aliases = new Map<string, string[]>();
  let aliasMarker: string | undefined;
  try {
    do {
      const page = await kms.send(new ListAliasesCommand({ Limit: 1000, Marker: aliasMarker }));
      for (const entry of page.Aliases ?? ([] as AliasListEntry[])) {
        if (!entry.TargetKeyId || !entry.AliasName) continue;
        aliases.set(entry.TargetKeyId, [...(aliases.get(entry.TargetKeyId) ?? []), entry.AliasName]);
      }
      aliasMarker = page.Truncated ? page.NextMarker : undefined;
    } while (aliasMarker);
  } catch {
    // Aliases are a convenience; the keys are listed without them.
  }
  const caller = await clients.callerIdentity().catch(() => undefined);

  return mapLimited(keyIds, 4, async (keyId) => {
    try {
      const meta = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata ?? { KeyId: keyId };
      const rotationEnabled = await rotationOf(clients, region, keyId, meta);
      const alias = aliases.get(keyId)?.sort()[0];
      return fromMetadata(meta, region, { alias, rotationEnabled }, { trailAccount: caller?.account, callerAccount: caller?.account });
    } catch (error) {
      const account = caller?.account ?? '';
      const arn = account ? `arn:aws:kms:${region}:${account}:key/${keyId}` : keyId;
      return undescribedKey(clients, error, { arn, keyId, region, account });
    }
  });
}
