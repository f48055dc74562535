/**
 * The words of the Trails view: labels, descriptions and screen-reader labels for each level of the log layout, log
 * files (delivery time first), keys and key flags. Pure (no vscode import), so unit tests read it. Every name that
 * comes from an S3 key or an endpoint goes through `shownName` (one visible line, capped).
 */
import { formatBytes } from '../../core/formatBytes';
import type { KeyFlag, KeyInfo, LogObject } from '../../core/model';
import { parseDigestFileName, parseLogObjectKey } from '../../core/logs/logLayout';
import { dayOf, type LogPrefixParts } from '../../core/logs/logLevels';
import { shownName } from '../../core/logs/shownName';

export interface RowText {
  label: string;
  description?: string;
  /** What a screen reader says for the row. */
  accessibility: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `Thursday 26 November 2026` for `2026-11-26` (UTC). */
export function spokenDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Bytes as a screen reader should say them: `803 bytes`, `1.2 KiB`. */
function spokenBytes(size: number): string {
  return size < 1024 ? `${size} byte${size === 1 ? '' : 's'}` : formatBytes(size);
}

const KIND_WORDS: Record<string, string> = {
  CloudTrail: 'log files',
  'CloudTrail-Digest': 'digest files (integrity)',
  'CloudTrail-Insight': 'Insights events',
};

/** A folder row by its level; `accountName` for account folders when Organizations named it. */
export function folderRow(parts: LogPrefixParts, name: string, extra: { accountName?: string; accountRoles?: string[] } = {}): RowText {
  const shown = shownName(name);
  switch (parts.level) {
    case 'organization':
      return {
        label: `Organization ${shown}`,
        description: 'every member account',
        accessibility: `Organization ${shown}: the logs of its member accounts`,
      };
    case 'account': {
      const named = extra.accountName ? shownName(extra.accountName, 60) : undefined;
      const roles = extra.accountRoles ?? [];
      return {
        label: named ? `${shown} · ${named}` : shown,
        ...(roles.length > 0 ? { description: roles.join(' · ') } : {}),
        accessibility: `Account ${shown}${named ? `, ${named}` : ''}${roles.length > 0 ? `, ${roles.join(', ')}` : ''}`,
      };
    }
    case 'kind':
      return {
        label: shown,
        description: KIND_WORDS[name] ?? '',
        accessibility: `${shown}: ${KIND_WORDS[name] ?? 'files'}`,
      };
    case 'region':
      return { label: shown, accessibility: `Region ${shown}` };
    case 'day': {
      const day = dayOf(parts) ?? shown;
      const spoken = spokenDay(day);
      return { label: day, description: spoken.split(' ')[0], accessibility: `Day ${spoken}` };
    }
    case 'year':
      return { label: shown, accessibility: `Year ${shown}` };
    case 'month': {
      const month = MONTHS[Number(name) - 1];
      return {
        label: parts.year ? `${parts.year}-${shown}` : shown,
        ...(month ? { description: month } : {}),
        accessibility: `${month ?? shown} ${parts.year ?? ''}`.trim(),
      };
    }
    default:
      return { label: shown, accessibility: `Folder ${shown}` };
  }
}

/** `HH:MM` (logs) or `HH:MM:SS` (digests) of an ISO time. */
function clock(iso: string, seconds: boolean): string {
  return iso.slice(11, seconds ? 19 : 16);
}

/**
 * A log, digest or Insights file: delivery time first (`21:04 UTC · 803 B`), from its name; `sameMinute` when other
 * files of the folder share the minute (then the name's unique part tells them apart). Other objects: their name.
 */
export function fileRow(object: LogObject, options: { sameMinute?: boolean; trailName?: string } = {}): RowText & { time?: string } {
  const parsed = parseLogObjectKey(object.key);
  const size = formatBytes(object.size);
  if (!parsed?.deliveryTime) {
    const name = shownName(object.name);
    return { label: name, description: size, accessibility: `File ${name}, ${spokenBytes(object.size)}` };
  }
  const time = clock(parsed.deliveryTime, parsed.isDigest);
  const what = parsed.isDigest ? 'Digest file' : parsed.kind === 'CloudTrail-Insight' ? 'Insights file' : 'Log file';
  const digest = parsed.isDigest ? parseDigestFileName(parsed.fileName) : undefined;
  const details: string[] = [];
  if (digest && options.trailName !== undefined && digest.trailName !== options.trailName)
    details.push(`trail ${shownName(digest.trailName, 60)}`);
  if (digest?.backfill) details.push('backfill');
  if (options.sameMinute && !parsed.isDigest) {
    const unique =
      parsed.fileName
        .replace(/\.json\.gz$/, '')
        .split('_')
        .pop() ?? '';
    details.push(shownName(unique, 40));
  }
  const day = `${parsed.year}-${parsed.month}-${parsed.day}`;
  return {
    label: `${time} UTC · ${size}`,
    ...(details.length > 0 ? { description: details.join(' · ') } : {}),
    accessibility: `${what} delivered at ${time} UTC on ${spokenDay(day)}, ${spokenBytes(object.size)}${details.length > 0 ? `, ${details.join(', ')}` : ''}`,
    time,
  };
}

/** The minute keys (`HH:MM`) that more than one log file of a folder shares. */
export function sharedMinutes(objects: LogObject[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const object of objects) {
    const time = parseLogObjectKey(object.key)?.deliveryTime?.slice(0, 16);
    if (!time) continue;
    if (seen.has(time)) shared.add(time);
    seen.add(time);
  }
  return shared;
}

/** Files newest first by delivery time from their names (then by key, newest first); other objects after, by name. */
export function newestFirstObjects(objects: LogObject[]): LogObject[] {
  const time = (object: LogObject): string => parseLogObjectKey(object.key)?.deliveryTime ?? '';
  return [...objects].sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) return ta < tb ? 1 : -1;
    return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
  });
}

/** A key as people name it: its alias, else its id (the alias of another account's key is not visible). */
export function keyName(key: KeyInfo | undefined, keyArn: string): string {
  return shownName(key?.alias ?? key?.keyId ?? keyArn.slice(keyArn.lastIndexOf('/') + 1), 80);
}

const STATE_WORDS: Record<string, string> = {
  Enabled: 'enabled',
  Disabled: 'disabled',
  PendingDeletion: 'pending deletion',
  PendingReplicaDeletion: 'pending deletion',
  PendingImport: 'waiting for key material',
  Unavailable: 'unavailable',
  Creating: 'being created',
  Updating: 'updating',
};

/** `symmetric · enabled · rotation on` — words, not KMS codes (the codes are in the tooltip). */
export function keyDescription(key: KeyInfo | undefined, callerAccount: string | undefined): string {
  if (!key) return 'could not be described';
  const words: string[] = [];
  if (key.keySpec) words.push(key.keySpec === 'SYMMETRIC_DEFAULT' ? 'symmetric' : `${shownName(key.keySpec, 30)}, not symmetric`);
  if (key.keyState) words.push(STATE_WORDS[key.keyState] ?? shownName(key.keyState, 30).toLowerCase());
  if (key.rotationEnabled !== undefined) words.push(key.rotationEnabled ? 'rotation on' : 'rotation off');
  if (key.account && callerAccount && key.account !== callerAccount) words.push(`in account ${key.account}`);
  if (!key.keySpec && !key.keyState && key.flags.some((flag) => flag.code === 'describeDenied')) words.push('details not visible to you');
  return words.join(' · ');
}

const FLAG_TITLES: Record<string, string> = {
  notSymmetric: 'Not a symmetric key',
  disabled: 'Key disabled',
  pendingDeletion: 'Scheduled for deletion',
  otherRegion: 'In another region than the bucket',
  otherAccount: "In another account than the trail's",
  notFound: 'Key not found',
  describeDenied: 'Not visible to you',
  rotationDisabled: 'Automatic rotation off',
};

/** A key flag in words: a short title for the label, the sentence for the description and tooltip. */
export function flagRow(flag: KeyFlag): RowText {
  const title = FLAG_TITLES[flag.code] ?? 'Key note';
  const severity = flag.severity === 'error' ? 'Problem' : flag.severity === 'warning' ? 'Warning' : 'Note';
  return { label: title, description: flag.message, accessibility: `${severity}: ${title}. ${flag.message}` };
}
