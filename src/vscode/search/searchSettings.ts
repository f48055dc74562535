/** The Find Events settings (`cloudtrailKms.search.*`), read at the start of each search. */
import * as vscode from 'vscode';
import { DEFAULT_CONFIRM_ABOVE_FILES, DEFAULT_SEARCH_CONCURRENCY, MAX_SEARCH_CONCURRENCY } from '../../aws/search';
import { DEFAULT_PRUNE_MARGINS } from '../../core/search';

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
  const config = vscode.workspace.getConfiguration('cloudtrailKms.search');
  return {
    concurrency: whole(config.get('concurrency'), DEFAULT_SEARCH_CONCURRENCY, 1, MAX_SEARCH_CONCURRENCY),
    confirmAboveFiles: whole(config.get('confirmAboveFiles'), DEFAULT_CONFIRM_ABOVE_FILES, 0, 10_000_000),
    lateMinutes: whole(config.get('lateDeliveryMinutes'), DEFAULT_PRUNE_MARGINS.lateMinutes, 0, 7 * 24 * 60),
    maxResults: whole(config.get('maxResults'), 1000, 1, MAX_EDITOR_RESULTS),
  };
}
