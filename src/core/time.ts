/**
 * Times and days typed by people (CLI options, command arguments, input boxes), read the way the aws CLI reads them:
 * a date alone is midnight UTC, a time without a zone is UTC. Anchored patterns only; whole seconds, as digest key names
 * count.
 */
import { parseDay } from './logs/logLayout';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([zZ]|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO-8601 date or date-time as a Date rounded down to whole seconds; undefined for anything else or a day that does not exist. */
export function parseIsoTime(text: string): Date | undefined {
  const match = ISO_TIME.exec(text);
  if (!match || !parseDay(`${match[1]}-${match[2]}-${match[3]}`)) return undefined;
  const [, , , , hour, minute, second] = match;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return undefined;
  const zone = match[7];
  const withZone = hour === undefined ? `${text}T00:00:00Z` : zone === undefined ? `${text}Z` : text;
  const date = new Date(withZone.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return undefined;
  return wholeSeconds(date);
}

/** A `YYYY-MM-DD` day (a real one) as midnight UTC; undefined otherwise. */
export function parseUtcDay(text: string): Date | undefined {
  const day = parseDay(text);
  return day ? new Date(Date.UTC(Number(day.year), Number(day.month) - 1, Number(day.day))) : undefined;
}

/** The time rounded down to whole seconds (the aws CLI and digest key names count whole seconds). */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
