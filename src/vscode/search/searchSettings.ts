/** The Find Events settings (`cloudtrailKms.search.*`), read at the start of each search. */
import { DEFAULT_CONFIRM_ABOVE_FILES, DEFAULT_SEARCH_CONCURRENCY, MAX_SEARCH_CONCURRENCY } from '../../aws/search';
import { DEFAULT_PRUNE_MARGINS } from '../../core/search';
import { readSearchSettingValues } from '../settings';

export interface SearchSettings {
  concurrency: number;
  confirmAboveFiles: number;
  lateMinutes: number;
  maxResults: number;
}

/** The most results one editor document holds (each is a pretty-printed record). */
export const MAX_EDITOR_RESULTS = 10_000;

function whole(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
}

export function readSearchSettings(): SearchSettings {
  const config = readSearchSettingValues();
  return {
    concurrency: whole(config.concurrency, DEFAULT_SEARCH_CONCURRENCY, 1, MAX_SEARCH_CONCURRENCY),
    confirmAboveFiles: whole(config.confirmAboveFiles, DEFAULT_CONFIRM_ABOVE_FILES, 0, 10_000_000),
    lateMinutes: whole(config.lateDeliveryMinutes, DEFAULT_PRUNE_MARGINS.lateMinutes, 0, 7 * 24 * 60),
    maxResults: whole(config.maxResults, 1000, 1, MAX_EDITOR_RESULTS),
  };
}
