/**
 * One results model for every answer that is a list of findings: integrity verdicts, KMS activity, Find Events hits,
 * Athena rows. The editor renders any ResultSet in one results view (grouped, counted, worst first, each item opening
 * what it names); the CLI prints or saves the same items (JSON Lines). See docs/architecture.md.
 */

/** Worst first: the order groups and items are shown in. */
export const SEVERITIES = ['error', 'warning', 'info', 'ok'] as const;
export type ResultSeverity = (typeof SEVERITIES)[number];

/** Where an item comes from: a log or digest object, and the record in it when the item is one record. */
export interface ResultSource {
  bucket: string;
  key: string;
  /** The bucket's region, when known (saves a GetBucketLocation when the item is opened). */
  region?: string;
  /** The record's index in the file's `Records` array, when the item is one record. */
  recordIndex?: number;
}

export interface ResultItem {
  severity: ResultSeverity;
  /** One line a person reads first (e.g. `Decrypt by role/Auditor — AccessDenied`, or the log file's name). */
  label: string;
  /** The rest of what a person needs without opening it (the reason of an INVALID verdict, the error message). */
  detail?: string;
  /** ISO-8601 time the item is about (eventTime, or a log file's delivery time); items sort by it within a group. */
  time?: string;
  /** Group names from outermost to innermost, e.g. `['INVALID']`, or `[principal, operation, outcome]`. */
  group: readonly string[];
  source?: ResultSource;
  /** The CloudTrail record itself, when the item is one (search hit, activity event): opened with hovers. */
  record?: unknown;
}

export type ResultKind = 'validation' | 'activity' | 'search' | 'athena';

export interface ResultSet {
  kind: ResultKind;
  /** What was asked, e.g. `Integrity of trail management, 2026-11-24 – 2026-11-27`. */
  title: string;
  /** Counts in words, e.g. `1 INVALID · 143 valid logs · 72 valid digests`, updated while running. */
  summary?: string;
  items: ResultItem[];
  /** False while the work still runs (items keep arriving). */
  done: boolean;
  /** How groups of the same severity are ordered: most items first (default), or newest items first (days). */
  groupOrder?: GroupOrder;
}

export type GroupOrder = 'count' | 'newest';

export interface ResultGroup {
  name: string;
  /** The worst severity of anything inside. */
  severity: ResultSeverity;
  /** Items below this group, however deep. */
  count: number;
  /** The earliest and latest `time` of the items below (ISO-8601), when they have times: the group's time span. */
  firstTime?: string;
  lastTime?: string;
  groups: ResultGroup[];
  /** Items whose group path ends here. */
  items: ResultItem[];
}

export function severityRank(severity: ResultSeverity): number {
  return SEVERITIES.indexOf(severity);
}

/** Items in display order: worst severity first, then by time (newest first), then by label. */
export function compareItems(a: ResultItem, b: ResultItem): number {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const aTime = a.time ?? '';
  const bTime = b.time ?? '';
  if (aTime !== bTime) return aTime < bTime ? 1 : -1;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/**
 * The items as a tree of groups (their `group` paths), each with its count, worst severity and time span; worst group
 * first, then (same severity) the group with most items — or with the newest item, for `order: 'newest'`.
 */
export function groupResults(items: readonly ResultItem[], order: GroupOrder = 'count'): ResultGroup {
  const root: ResultGroup = { name: '', severity: 'ok', count: 0, groups: [], items: [] };
  const children = new Map<ResultGroup, Map<string, ResultGroup>>();
  for (const item of items) {
    let node = root;
    visit(node, item);
    for (const name of item.group) {
      let byName = children.get(node);
      if (!byName) children.set(node, (byName = new Map()));
      let child = byName.get(name);
      if (!child) {
        child = { name, severity: 'ok', count: 0, groups: [], items: [] };
        byName.set(name, child);
        node.groups.push(child);
      }
      node = child;
      visit(node, item);
    }
    node.items.push(item);
  }
  sortGroup(root, order);
  return root;
}

function visit(group: ResultGroup, item: ResultItem): void {
  group.count += 1;
  if (severityRank(item.severity) < severityRank(group.severity)) group.severity = item.severity;
  if (item.time) {
    if (group.firstTime === undefined || item.time < group.firstTime) group.firstTime = item.time;
    if (group.lastTime === undefined || item.time > group.lastTime) group.lastTime = item.time;
  }
}

function newer(a: ResultGroup, b: ResultGroup): number {
  const aTime = a.lastTime ?? '';
  const bTime = b.lastTime ?? '';
  return aTime === bTime ? 0 : aTime < bTime ? 1 : -1;
}

function sortGroup(group: ResultGroup, order: GroupOrder): void {
  group.items.sort(compareItems);
  group.groups.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (order === 'newest' ? newer(a, b) || b.count - a.count : b.count - a.count || newer(a, b)) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const child of group.groups) sortGroup(child, order);
}

/** One JSON object per line (the saved form of a result set; the CLI's --json output). */
export function resultsToJsonLines(items: Iterable<ResultItem>): string {
  let out = '';
  for (const item of items) out += `${JSON.stringify(item)}\n`;
  return out;
}
