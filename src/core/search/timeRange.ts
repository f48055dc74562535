/**
 * Times in a query (`from:` / `to:`) and the range `[from, to)` they make, in whole UTC minutes.
 *
 * Accepted forms (what a user types, what a record or folder shows):
 * - `now`; `-15m`, `-2h`, `-7d`, `-1w` (also `now-2h`): minutes, hours, days, weeks before now;
 * - `today`, `yesterday` (UTC days);
 * - a UTC day `2026-11-24` (or `2026/11/24`, as in the log folders): as `from:` its start, as `to:` its end,
 *   so `from:2026-11-24 to:2026-11-24` is that whole day;
 * - an instant `2026-11-24T10:30`, `2026-11-24T10:30:45Z`, `2026-11-24T10:30+02:00` (no zone: UTC; seconds and
 *   fractions allowed, as in a record's eventTime).
 * A resolved range is rounded outward to whole minutes: `from` down, `to` up, so it always covers what was typed.
 */
import type { SearchQuery, TimePoint, TimeUnit } from './query';
import { QueryError } from './queryError';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const UNIT_MS: Record<TimeUnit, number> = { m: MINUTE, h: 60 * MINUTE, d: DAY, w: 7 * DAY };
/** About 20 years: a larger offset is a typo, not a search. */
const MAX_AGO_MS = 20 * 366 * DAY;

export const TIME_FORMS = 'now, -15m, -2h, -7d, -1w, today, yesterday, a day 2026-11-24, or a time 2026-11-24T10:30Z';

function validDay(year: number, month: number, day: number): number | undefined {
  if (year < 1970 || year > 9999) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : undefined;
}

// Anchored patterns without nested quantifiers over a bounded token: linear, no backtracking blow-up.
const AGO = /^(?:now)?-(\d{1,7})([mhdw])$/;
const DAY_FORM = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/** Reads one time; undefined when the text is none of the accepted forms. */
export function parseTimePoint(input: string): TimePoint | undefined {
  const text = input.trim().toLowerCase();
  if (text.length > 40) return undefined;
  if (text === 'now') return { kind: 'now' };
  if (text === 'today') return { kind: 'today', offsetDays: 0 };
  if (text === 'yesterday') return { kind: 'today', offsetDays: -1 };
  const ago = AGO.exec(text);
  if (ago) {
    const amount = Number(ago[1]);
    const unit = ago[2] as TimeUnit;
    if (amount * UNIT_MS[unit] > MAX_AGO_MS) return undefined;
    return { kind: 'ago', amount, unit };
  }
  const day = DAY_FORM.exec(text);
  if (day) {
    if (validDay(Number(day[1]), Number(day[2]), Number(day[3])) === undefined) return undefined;
    return { kind: 'day', day: `${day[1]}-${day[2]}-${day[3]}` };
  }
  const instant = INSTANT.exec(text);
  if (!instant) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = instant;
  const dayMs = validDay(Number(y), Number(mo), Number(d));
  if (dayMs === undefined || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  let ms = dayMs + Number(h) * 3_600_000 + Number(mi) * MINUTE + Number(s ?? 0) * 1000 + Math.floor(Number(`0.${fraction ?? 0}`) * 1000);
  if (zone && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2));
    if (offsetHours > 18 || offsetMinutes > 59) return undefined;
    ms -= sign * (offsetHours * 60 + offsetMinutes) * MINUTE;
  }
  return { kind: 'instant', ms };
}

/** `2026-11-24T10:30Z` (seconds only when not zero). */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-24T10:30:45.123Z
  if (ms % 1000 !== 0) return iso;
  return ms % MINUTE === 0 ? `${iso.slice(0, 16)}Z` : `${iso.slice(0, 19)}Z`;
}

/** The text form `parseTimePoint` reads back to the same point. */
export function formatTimePoint(point: TimePoint): string {
  switch (point.kind) {
    case 'now':
      return 'now';
    case 'today':
      return point.offsetDays === 0 ? 'today' : 'yesterday';
    case 'ago':
      return `-${point.amount}${point.unit}`;
    case 'day':
      return point.day;
    case 'instant':
      return formatInstant(point.ms);
  }
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** The instant a point stands for; `end` reads days as their end (for `to:`). */
export function timePointMs(point: TimePoint, nowMs: number, end: boolean): number {
  switch (point.kind) {
    case 'now':
      return nowMs;
    case 'ago':
      return nowMs - point.amount * UNIT_MS[point.unit];
    case 'instant':
      return point.ms;
    case 'today':
      return startOfUtcDay(nowMs) + (point.offsetDays + (end ? 1 : 0)) * DAY;
    case 'day':
      return Date.parse(`${point.day}T00:00:00Z`) + (end ? DAY : 0);
  }
}

/** `[fromMs, toMs)` in whole minutes. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export interface RangeDefaults {
  /** Used when the query has no `from:` (e.g. the editor's "last hour"); without it a missing `from:` is an error. */
  from?: TimePoint;
  /** Used when the query has no `to:`; default `now`. */
  to?: TimePoint;
}

/** Resolves the query's range against `nowMs`, rounded outward to whole minutes. Throws QueryError when empty or missing. */
export function resolveTimeRange(query: Pick<SearchQuery, 'from' | 'to'>, nowMs: number, defaults: RangeDefaults = {}): TimeRange {
  const from = query.from ?? defaults.from;
  if (!from) throw new QueryError('The search has no start time', `from:TIME (${TIME_FORMS})`);
  const to = query.to ?? defaults.to ?? { kind: 'now' };
  const fromMs = Math.floor(timePointMs(from, nowMs, false) / MINUTE) * MINUTE;
  const toMs = Math.ceil(timePointMs(to, nowMs, true) / MINUTE) * MINUTE;
  if (toMs <= fromMs)
    throw new QueryError(
      `The time range is empty: to:${formatTimePoint(to)} (${formatInstant(toMs)}) is not after from:${formatTimePoint(from)} (${formatInstant(fromMs)})`,
      'a to: time after the from: time',
    );
  return { fromMs, toMs };
}

/** `2026-11-24T10:30:00Z`: the form of a record's eventTime, so ranges compare as strings. */
export function eventTimeString(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
