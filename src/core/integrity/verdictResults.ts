/**
 * Validation verdicts as results (src/core/results/model.ts): what is wrong first, each with its reason, then the valid
 * files counted per day. The results view renders them; the problems among them also go to the Problems panel.
 */
import { parseLogObjectKey } from '../logs/logLayout';
import type { ResultItem, ResultSeverity } from '../results/model';
import type { ValidationCounts, VerdictLine } from './digestReport';

/** Group names, as the view shows them (worst first by severity). */
export const VERDICT_GROUPS = {
  invalid: 'INVALID',
  notFound: 'Not found',
  unread: 'Could not be checked',
  gap: 'No logs delivered',
  valid: 'Valid',
} as const;

/** `2026-11-25T21:05:00Z` → `2026-11-25 21:05 UTC`. */
function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function problemOf(line: VerdictLine): { group: string; severity: ResultSeverity; reason: string } | undefined {
  if (line.ok) return undefined;
  if (line.verdict.startsWith('ERROR: ')) return { group: VERDICT_GROUPS.unread, severity: 'warning', reason: line.verdict.slice(7) };
  const reason = line.verdict.startsWith('INVALID: ') ? line.verdict.slice(9) : line.verdict;
  if (reason === 'not found') return { group: VERDICT_GROUPS.notFound, severity: 'error', reason: 'not found' };
  return { group: VERDICT_GROUPS.invalid, severity: 'error', reason };
}

/** One verdict line as a result item; undefined for a line that names nothing (never happens for aws CLI verdicts). */
export function verdictResult(line: VerdictLine, region?: string): ResultItem | undefined {
  if (line.kind === 'gap') return { severity: 'info', label: line.verdict, group: [VERDICT_GROUPS.gap] };
  if (!line.bucket || !line.key) return undefined;
  const location = { bucket: line.bucket, key: line.key };
  const parsed = parseLogObjectKey(location.key);
  const fileName = location.key.slice(location.key.lastIndexOf('/') + 1);
  const what = line.kind === 'log' ? 'log file' : line.kind === 'digest' ? 'digest file' : 'backfill digest file';
  const time = parsed?.deliveryTime;
  const problem = problemOf(line);
  const source = { bucket: location.bucket, key: location.key, ...(region ? { region } : {}) };
  if (problem) {
    return {
      severity: problem.severity,
      label: `${time ? shortTime(time) : fileName} · ${what}`,
      detail: problem.reason,
      ...(time ? { time } : {}),
      group: [problem.group],
      source,
    };
  }
  const day = time?.slice(0, 10) ?? 'unknown day';
  return {
    severity: 'ok',
    label: `${time ? `${time.slice(11, 16)} UTC` : fileName} · ${what}`,
    detail: fileName,
    ...(time ? { time } : {}),
    group: [VERDICT_GROUPS.valid, day],
    source,
  };
}

/** The counts in words, worst first: `1 INVALID · 2 could not be checked · 143/144 logs valid · 72/72 digests valid`. */
export function verdictSummary(counts: ValidationCounts): string {
  const digests = counts.validDigests + counts.validBackfillDigests;
  const badDigests = counts.invalidDigests + counts.invalidBackfillDigests;
  const logs = counts.validLogs + counts.invalidLogs + counts.unreadLogs;
  const parts: string[] = [];
  if (badDigests + counts.invalidLogs > 0) parts.push(`${badDigests + counts.invalidLogs} INVALID`);
  if (counts.unreadLogs > 0) parts.push(`${counts.unreadLogs} could not be checked`);
  if (digests + badDigests === 0) parts.push('no digest files in the window');
  else parts.push(`${counts.validLogs}/${logs} logs valid`, `${digests}/${digests + badDigests} digests valid`);
  return parts.join(' · ');
}
