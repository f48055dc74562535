/**
 * Log locations pinned in the Trails view ("CloudTrail: Add Log Location…"), kept per profile in the extension's
 * global state (not in settings: a location is a reader's bookmark, not configuration to share).
 */
import * as vscode from 'vscode';
import { parseS3Location } from '../../core/arn';
import { normalizeLocationPrefix } from '../../aws/logLocations';

const STATE_KEY = 'cloudtrailKms.logLocations';
/** More than anyone browses; keeps a corrupted or hostile state small. */
const MAX_PER_PROFILE = 50;
const MAX_URI_LENGTH = 1100;

export interface PinnedLocation {
  /** `s3://bucket/prefix` (prefix '' or ending in '/'). */
  uri: string;
  bucket: string;
  prefix: string;
}

/** The canonical form of what a person typed: `s3://bucket[/prefix]` or an S3 ARN; undefined when it is neither. */
export function pinnedLocation(text: string): PinnedLocation | undefined {
  if (text.length > MAX_URI_LENGTH) return undefined;
  const location = parseS3Location(text);
  if (!location) return undefined;
  const prefix = normalizeLocationPrefix(location.key);
  return { uri: `s3://${location.bucket}/${prefix}`, bucket: location.bucket, prefix };
}

export class PinnedLocations {
  constructor(private readonly memento: vscode.Memento) {}

  private all(): Record<string, string[]> {
    const stored = this.memento.get<unknown>(STATE_KEY);
    return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, string[]>) : {};
  }

  /** The profile's locations, in the order they were added (anything unreadable in the state is skipped). */
  list(profile: string): PinnedLocation[] {
    const stored = this.all()[profile];
    if (!Array.isArray(stored)) return [];
    return stored
      .filter((uri): uri is string => typeof uri === 'string')
      .slice(0, MAX_PER_PROFILE)
      .map((uri) => pinnedLocation(uri))
      .filter((location): location is PinnedLocation => !!location);
  }

  /** Adds a location (once); false when it was there already. */
  async add(profile: string, location: PinnedLocation): Promise<boolean> {
    const current = this.list(profile).map((l) => l.uri);
    if (current.includes(location.uri)) return false;
    if (current.length >= MAX_PER_PROFILE)
      throw new Error(vscode.l10n.t('At most {0} log locations per profile: remove one first.', MAX_PER_PROFILE));
    await this.memento.update(STATE_KEY, { ...this.all(), [profile]: [...current, location.uri] });
    return true;
  }

  /** Removes a location; false when it was not there. */
  async remove(profile: string, uri: string): Promise<boolean> {
    const current = this.list(profile).map((l) => l.uri);
    if (!current.includes(uri)) return false;
    await this.memento.update(STATE_KEY, { ...this.all(), [profile]: current.filter((u) => u !== uri) });
    return true;
  }
}
