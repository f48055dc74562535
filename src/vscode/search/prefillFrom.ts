/**
 * The query Find Events starts with, from where it was started: a trail, key or log folder of the Trails view, a
 * search link of a hover (around the record, in the location of the document the hover was in), or the palette (the
 * active log document's location, else the last search).
 */
import * as vscode from 'vscode';
import { fromLogUriParts, LOG_SCHEME } from '../../core/logs/logUri';
import {
  DEFAULT_FROM,
  emptyQuery,
  findEventsQuery,
  folderQuery,
  logFileScope,
  parseKeyRef,
  parseQuery,
  prefillText,
  trailQuery,
  withScope,
  type SearchQuery,
} from '../../core/search';
import type { FindEventsLink } from '../../core/explain';
import { FolderNode, KeyNode, TrailNode } from '../tree/trailNodes';
import type { RecentSearches } from './recentSearches';
import type { SearchRuns } from './searchRun';

/** Scope, accounts and regions of the document in the active editor: a decrypted log, or a results document. */
export function activeDocumentScope(runs: SearchRuns): SearchQuery | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  if (uri.scheme === LOG_SCHEME) {
    try {
      const location = fromLogUriParts({ scheme: uri.scheme, path: uri.path, query: uri.query });
      return logFileScope(location.bucket, location.key);
    } catch {
      return undefined;
    }
  }
  const run = runs.get(uri);
  if (!run) return undefined;
  try {
    const query = parseQuery(run.text);
    return { ...emptyQuery(), ...(query.scope ? { scope: query.scope } : {}), accounts: query.accounts, regions: query.regions };
  } catch {
    return undefined;
  }
}

/** The starting text for a tree node, or for the palette (no node). */
export function prefillFor(node: unknown, runs: SearchRuns, recent: RecentSearches): string {
  if (node instanceof TrailNode) return prefillText(trailQuery(node.trail.arn));
  if (node instanceof KeyNode) {
    if (node.parent instanceof TrailNode) return prefillText(trailQuery(node.parent.trail.arn, node.keyArn));
    const query = emptyQuery();
    const key = parseKeyRef(node.keyArn);
    if (key) query.keys.push(key);
    query.from = DEFAULT_FROM;
    return prefillText(withScope(query, activeDocumentScope(runs)));
  }
  if (node instanceof FolderNode) return prefillText(folderQuery(node.bucket, node.prefix));
  const scope = activeDocumentScope(runs);
  if (scope) return prefillText({ ...scope, from: DEFAULT_FROM });
  const last = recent.list()[0];
  return last ? last.text : prefillText({ ...emptyQuery(), from: DEFAULT_FROM });
}

/** The starting text for a hover's search link: its value around the record's time, where the document's logs are. */
export function prefillForLink(link: FindEventsLink, runs: SearchRuns): string {
  return prefillText(withScope(findEventsQuery(link), activeDocumentScope(runs)));
}
