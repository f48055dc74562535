/**
 * Recent searches: the query texts of the last searches (newest first, at most 20), kept in the extension's global
 * state so they survive a restart. Only what the user typed is kept, never a result.
 */
import type * as vscode from 'vscode';

const KEY = 'cloudtrailKms.recentSearches';
const MAX = 20;

export interface RecentSearch {
  text: string;
  /** ISO time of the last run. */
  at: string;
}

export class RecentSearches {
  constructor(private readonly state: vscode.Memento) {}

  list(): RecentSearch[] {
    const stored = this.state.get<unknown>(KEY);
    if (!Array.isArray(stored)) return [];
    return stored
      .filter((item): item is RecentSearch => !!item && typeof item.text === 'string' && typeof item.at === 'string')
      .slice(0, MAX);
  }

  async remember(text: string, now = new Date()): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) return;
    const rest = this.list().filter((item) => item.text !== trimmed);
    await this.state.update(KEY, [{ text: trimmed, at: now.toISOString() }, ...rest].slice(0, MAX));
  }
}
