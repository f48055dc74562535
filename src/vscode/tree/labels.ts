/**
 * The words of the Trails view: labels, descriptions and screen-reader labels for each level of the log layout, log
 * files (delivery time first), keys and key flags. Pure (no vscode import), so unit tests read it. Every name that
 * comes from an S3 key or an endpoint goes through `shownName` (one visible line, capped).
 *
 * Words are translated by the editor's `vscode.l10n.t` once `translateLabels(vscode.l10n)` ran (registerTrailsView, at
 * activation); before that and outside the editor (unit tests) they are English. The calls are `l10n.t('literal', …)`
 * with the type-only `vscode` import below, so that l10n-dev exports them into the bundle like any other message.
 */
import type * as vscode from 'vscode';
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

type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** `{0}`, `{1}` … replaced by the arguments (one pass, no backtracking): the English of `l10n.t`. */
const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole: string, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

const l10n: { t: Translate } = { t: english };

/** From now on the words here are the editor's language (its l10n bundle). */
export function translateLabels(editor: Pick<typeof vscode.l10n, 't'>): void {
  l10n.t = (message, ...args) => editor.t(message, ...args);
}

function monthName(month: number): string | undefined {
  const names = [
    l10n.t('January'),
    l10n.t('February'),
    l10n.t('March'),
    l10n.t('April'),
    l10n.t('May'),
    l10n.t('June'),
    l10n.t('July'),
    l10n.t('August'),
    l10n.t('September'),
    l10n.t('October'),
    l10n.t('November'),
    l10n.t('December'),
  ];
  return names[month];
}

function weekdayName(day: number): string | undefined {
  const names = [
    l10n.t('Sunday'),
    l10n.t('Monday'),
    l10n.t('Tuesday'),
    l10n.t('Wednesday'),
    l10n.t('Thursday'),
    l10n.t('Friday'),
    l10n.t('Saturday'),
  ];
  return names[day];
}

/** `Thursday 26 November 2026` for `2026-11-26` (UTC). */
export function spokenDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return l10n.t(
    '{0} {1} {2} {3}',
    weekdayName(date.getUTCDay()) ?? '',
    date.getUTCDate(),
    monthName(date.getUTCMonth()) ?? '',
    date.getUTCFullYear(),
  );
}

/** Bytes as a screen reader should say them: `803 bytes`, `1.2 KiB`. */
function spokenBytes(size: number): string {
  if (size >= 1024) return formatBytes(size);
  return size === 1 ? l10n.t('1 byte') : l10n.t('{0} bytes', size);
}

function kindWords(kind: string): string | undefined {
  if (kind === 'CloudTrail') return l10n.t('log files');
  if (kind === 'CloudTrail-Digest') return l10n.t('digest files (integrity)');
  if (kind === 'CloudTrail-Insight') return l10n.t('Insights events');
  return undefined;
}

/** A folder row by its level; `accountName` for account folders when Organizations named it. */
export function folderRow(parts: LogPrefixParts, name: string, extra: { accountName?: string; accountRoles?: string[] } = {}): RowText {
  const shown = shownName(name);
  switch (parts.level) {
    case 'organization':
      return {
        label: l10n.t('Organization {0}', shown),
        description: l10n.t('every member account'),
        accessibility: l10n.t('Organization {0}: the logs of its member accounts', shown),
      };
    case 'account': {
      const named = extra.accountName ? shownName(extra.accountName, 60) : undefined;
      const roles = extra.accountRoles ?? [];
      return {
        label: named ? `${shown} · ${named}` : shown,
        ...(roles.length > 0 ? { description: roles.join(' · ') } : {}),
        accessibility: [l10n.t('Account {0}', shown), ...(named ? [named] : []), ...roles].join(', '),
      };
    }
    case 'kind':
      return {
        label: shown,
        description: kindWords(name) ?? '',
        accessibility: l10n.t('{0}: {1}', shown, kindWords(name) ?? l10n.t('files')),
      };
    case 'region':
      return { label: shown, accessibility: l10n.t('Region {0}', shown) };
    case 'day': {
      const day = dayOf(parts) ?? shown;
      const spoken = spokenDay(day);
      const date = new Date(`${day}T00:00:00Z`);
      const weekday = Number.isNaN(date.getTime()) ? undefined : weekdayName(date.getUTCDay());
      return { label: day, ...(weekday ? { description: weekday } : {}), accessibility: l10n.t('Day {0}', spoken) };
    }
    case 'year':
      return { label: shown, accessibility: l10n.t('Year {0}', shown) };
    case 'month': {
      const month = monthName(Number(name) - 1);
      return {
        label: parts.year ? `${parts.year}-${shown}` : shown,
        ...(month ? { description: month } : {}),
        accessibility: `${month ?? shown} ${parts.year ?? ''}`.trim(),
      };
    }
    default:
      return { label: shown, accessibility: l10n.t('Folder {0}', shown) };
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
    return { label: name, description: size, accessibility: l10n.t('File {0}, {1}', name, spokenBytes(object.size)) };
  }
  const time = clock(parsed.deliveryTime, parsed.isDigest);
  const day = `${parsed.year}-${parsed.month}-${parsed.day}`;
  const when = [time, spokenDay(day), spokenBytes(object.size)] as const;
  const what = parsed.isDigest
    ? l10n.t('Digest file delivered at {0} UTC on {1}, {2}', ...when)
    : parsed.kind === 'CloudTrail-Insight'
      ? l10n.t('Insights file delivered at {0} UTC on {1}, {2}', ...when)
      : l10n.t('Log file delivered at {0} UTC on {1}, {2}', ...when);
  const digest = parsed.isDigest ? parseDigestFileName(parsed.fileName) : undefined;
  const details: string[] = [];
  if (digest && options.trailName !== undefined && digest.trailName !== options.trailName)
    details.push(l10n.t('trail {0}', shownName(digest.trailName, 60)));
  if (digest?.backfill) details.push(l10n.t('backfill'));
  if (options.sameMinute && !parsed.isDigest) {
    const unique =
      parsed.fileName
        .replace(/\.json\.gz$/, '')
        .split('_')
        .pop() ?? '';
    details.push(shownName(unique, 40));
  }
  return {
    label: l10n.t('{0} UTC · {1}', time, size),
    ...(details.length > 0 ? { description: details.join(' · ') } : {}),
    accessibility: [what, ...details].join(', '),
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

function stateWords(state: string): string | undefined {
  switch (state) {
    case 'Enabled':
      return l10n.t('enabled');
    case 'Disabled':
      return l10n.t('disabled');
    case 'PendingDeletion':
    case 'PendingReplicaDeletion':
      return l10n.t('pending deletion');
    case 'PendingImport':
      return l10n.t('waiting for key material');
    case 'Unavailable':
      return l10n.t('unavailable');
    case 'Creating':
      return l10n.t('being created');
    case 'Updating':
      return l10n.t('updating');
    default:
      return undefined;
  }
}

/** `symmetric · enabled · rotation on` — words, not KMS codes (the codes are in the tooltip). */
export function keyDescription(key: KeyInfo | undefined, callerAccount: string | undefined): string {
  if (!key) return l10n.t('could not be described');
  const words: string[] = [];
  if (key.keySpec)
    words.push(key.keySpec === 'SYMMETRIC_DEFAULT' ? l10n.t('symmetric') : l10n.t('{0}, not symmetric', shownName(key.keySpec, 30)));
  if (key.keyState) words.push(stateWords(key.keyState) ?? shownName(key.keyState, 30).toLowerCase());
  if (key.rotationEnabled !== undefined) words.push(key.rotationEnabled ? l10n.t('rotation on') : l10n.t('rotation off'));
  if (key.account && callerAccount && key.account !== callerAccount) words.push(l10n.t('in account {0}', key.account));
  if (!key.keySpec && !key.keyState && key.flags.some((flag) => flag.code === 'describeDenied'))
    words.push(l10n.t('details not visible to you'));
  return words.join(' · ');
}

function flagTitle(code: string): string {
  switch (code) {
    case 'notSymmetric':
      return l10n.t('Not a symmetric key');
    case 'disabled':
      return l10n.t('Key disabled');
    case 'pendingDeletion':
      return l10n.t('Scheduled for deletion');
    case 'otherRegion':
      return l10n.t('In another region than the bucket');
    case 'otherAccount':
      return l10n.t("In another account than the trail's");
    case 'notFound':
      return l10n.t('Key not found');
    case 'describeDenied':
      return l10n.t('Not visible to you');
    case 'rotationDisabled':
      return l10n.t('Automatic rotation off');
    default:
      return l10n.t('Key note');
  }
}

/** A key flag in words: a short title for the label, the sentence for the description and tooltip. */
export function flagRow(flag: KeyFlag): RowText {
  const title = flagTitle(flag.code);
  const accessibility =
    flag.severity === 'error'
      ? l10n.t('Problem: {0}. {1}', title, flag.message)
      : flag.severity === 'warning'
        ? l10n.t('Warning: {0}. {1}', title, flag.message)
        : l10n.t('Note: {0}. {1}', title, flag.message);
  return { label: title, description: flag.message, accessibility };
}
