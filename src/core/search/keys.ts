/**
 * `key:` values: a KMS key id, key ARN, alias name or alias ARN; what a record value must look like to name that key;
 * and the hook by which the engine resolves an alias to its key ARN first (KMS DescribeKey lives in src/aws).
 */
import { parseArn } from '../arn';
import type { KeyRef, SearchQuery } from './query';

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
/** KMS alias names: `alias/` then letters, digits, `/_-` (AWS allows 1–256 characters). */
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;

export const KEY_FORMS = 'a KMS key id (1234abcd-… or mrk-…), key ARN, alias name (alias/…) or alias ARN';

/** Reads a `key:` value; undefined when it is none of the four forms. */
export function parseKeyRef(input: string): KeyRef | undefined {
  const text = input.trim();
  if (text.length > 2048) return undefined;
  if (KEY_ID.test(text.toLowerCase())) return { text: text.toLowerCase(), kind: 'keyId', keyId: text.toLowerCase() };
  if (ALIAS_NAME.test(text)) return { text, kind: 'aliasName', aliasName: text };
  const arn = parseArn(text);
  if (!arn || arn.service !== 'kms' || !arn.region || !/^\d{12}$/.test(arn.account)) return undefined;
  if (arn.resource.startsWith('key/')) {
    const keyId = arn.resource.slice(4).toLowerCase();
    if (!KEY_ID.test(keyId)) return undefined;
    return {
      text: `arn:${arn.partition}:kms:${arn.region}:${arn.account}:key/${keyId}`,
      kind: 'keyArn',
      keyId,
      region: arn.region,
      account: arn.account,
    };
  }
  if (ALIAS_NAME.test(arn.resource)) return { text, kind: 'aliasArn', aliasName: arn.resource, region: arn.region, account: arn.account };
  return undefined;
}

/** Alias → key ARN, as the engine found it (KMS DescribeKey on the alias, in the alias's region and account). */
export type ResolvedKeys = ReadonlyMap<string, string>;

/** The aliases of a query that the engine should resolve (by `KeyRef.text`), each once. */
export function aliasesToResolve(query: SearchQuery): KeyRef[] {
  const seen = new Set<string>();
  return query.keys.filter((key) => key.aliasName !== undefined && !seen.has(key.text) && (seen.add(key.text), true));
}

/**
 * Resolves every alias of the query with the engine's resolver (which calls KMS). An alias the resolver cannot
 * resolve (undefined, or it throws) is left out: the search then matches the alias text only, and `unresolved`
 * names it so the caller can say so.
 */
export async function resolveKeyAliases(
  query: SearchQuery,
  resolve: (alias: KeyRef) => Promise<string | undefined>,
): Promise<{ keys: ResolvedKeys; unresolved: KeyRef[] }> {
  const keys = new Map<string, string>();
  const unresolved: KeyRef[] = [];
  for (const alias of aliasesToResolve(query)) {
    let arn: string | undefined;
    try {
      arn = await resolve(alias);
    } catch {
      arn = undefined;
    }
    const parsed = arn === undefined ? undefined : parseKeyRef(arn);
    if (parsed?.kind === 'keyArn') keys.set(alias.text, parsed.text);
    else unresolved.push(alias);
  }
  return { keys, unresolved };
}

/**
 * What a record value (`requestParameters.keyId`, `resources[].ARN`, …) must be, lower-cased, to name one of the
 * query's keys: equal to one of `exact`, or ending in one of `suffixes`. A key matches by key id (so a key ARN finds
 * records that hold the bare id, and a multi-Region `mrk-` id finds every replica), an alias by its name or ARN.
 */
export interface KeyCandidates {
  exact: string[];
  suffixes: string[];
}

export function keyCandidates(keys: readonly KeyRef[], resolved: ResolvedKeys = new Map()): KeyCandidates {
  const exact = new Set<string>();
  const suffixes = new Set<string>();
  const addKeyId = (keyId: string, arn?: string) => {
    exact.add(keyId);
    suffixes.add(`:key/${keyId}`);
    if (arn) exact.add(arn.toLowerCase());
  };
  for (const key of keys) {
    exact.add(key.text.toLowerCase());
    if (key.keyId) addKeyId(key.keyId, key.kind === 'keyArn' ? key.text : undefined);
    if (key.aliasName) {
      exact.add(key.aliasName.toLowerCase());
      suffixes.add(`:${key.aliasName.toLowerCase()}`);
      const arn = resolved.get(key.text);
      const target = arn === undefined ? undefined : parseKeyRef(arn);
      if (target?.keyId) addKeyId(target.keyId, target.text);
    }
  }
  return { exact: [...exact], suffixes: [...suffixes] };
}
