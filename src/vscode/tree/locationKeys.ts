/**
 * "The key that decrypted a file", for pinned log locations: when a log of a location is opened, the SSE headers of
 * its GetObject name the KMS key; the location then shows that key as a trail shows its own — described where the
 * caller may, otherwise explained (another account's key: which account, which permission).
 */
import { describeTrailKey } from '../../aws/keys';
import { parseArn } from '../../core/arn';
import type { SseFacts } from '../../core/model';
import { errorText } from '../errorText';
import { log } from '../log';
import type { AwsSession } from '../session';
import { KeyNode } from './keyNodes';
import { LocationNode, type SeenKey } from './locationNode';
import { locationKeyNodes } from './sourceChildren';
import type { TrailsProvider } from './trailsTree';

/** Notes that `s3://bucket/key` (opened under `profile`) was decrypted with `sse.kmsKeyId`; updates the locations holding it. */
export async function noteDecryption(
  provider: TrailsProvider,
  session: AwsSession,
  opened: { bucket: string; key: string; profile?: string },
  sse: SseFacts,
): Promise<void> {
  const keyArn = sse.kmsKeyId;
  if (!keyArn || !parseArn(keyArn)) return;
  if ((opened.profile || undefined) !== session.settings().profile) return; // locations are per profile
  const holding = provider.loadedLocations().filter((node) => node.bucket === opened.bucket && opened.key.startsWith(node.prefix));
  for (const node of holding) {
    const seen = node.keys.get(keyArn) ?? { arn: keyArn, objects: new Set<string>() };
    const isNew = !node.keys.has(keyArn);
    if (!isNew && seen.objects.has(opened.key)) continue; // known already (the log was shown again)
    seen.objects.add(opened.key);
    node.keys.set(keyArn, seen);
    if (isNew) await describe(session, seen);
    showKeys(provider, node);
  }
}

async function describe(session: AwsSession, seen: SeenKey): Promise<void> {
  const clients = session.clients();
  try {
    const caller = (await clients.callerIdentity().catch(() => undefined))?.account;
    seen.info = await describeTrailKey(clients, seen.arn, { callerAccount: caller || undefined });
  } catch (error) {
    seen.error = errorText(error);
    log().warn(`[kms] describing ${seen.arn} (it decrypted a log of a pinned location) failed: ${seen.error}`);
  }
}

/** Puts the location's key rows first, keeping what was listed below them. */
function showKeys(provider: TrailsProvider, node: LocationNode): void {
  if (node.children) {
    const rest = node.children.filter((child) => !(child instanceof KeyNode));
    node.children = [...locationKeyNodes(node, provider.viewerAccount()), ...rest];
  }
  provider.redraw(node);
}

/** The keys pinned locations learned, kept over a reload of the whole view (not across profiles). */
export class KeptLocationKeys {
  private kept: { profile: string; keys: Map<string, Map<string, SeenKey>> } | undefined;
  /** The profile of the top level shown now (set by `restore`). */
  private profile = '';

  /** Before a reload: what the shown locations learned. */
  remember(locations: LocationNode[]): void {
    if (locations.length > 0) this.kept = { profile: this.profile, keys: new Map(locations.map((node) => [node.uri, node.keys])) };
  }

  /** After the top level of `profile` loaded: its locations get back what they had learned. */
  restore(profile: string, nodes: readonly unknown[]): void {
    this.profile = profile;
    if (this.kept?.profile !== profile) return;
    for (const node of nodes)
      if (node instanceof LocationNode) for (const [arn, seen] of this.kept.keys.get(node.uri) ?? []) node.keys.set(arn, seen);
  }
}
