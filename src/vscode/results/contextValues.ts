/**
 * The `contextValue` of each kind of node in the Results view (`cloudtrailKms.results`): package.json's `viewItem` menu
 * clauses match these (test/unit/manifest.test.ts checks both sides). No vscode import, so the unit tests can read it.
 */
export const ResultsContextValues = {
  /** A result set whose work has ended. */
  set: 'resultSet',
  /** A result set still receiving items (offers Stop). */
  runningSet: 'resultSetRunning',
  group: 'resultGroup',
  /** An item that names something to open (a log, a digest, a record). */
  item: 'resultItem',
  /** An item that names nothing to open (e.g. a gap in the digest chain). */
  plainItem: 'resultPlainItem',
  /** "Load more…" of a set, "Show more…" of a long group. */
  more: 'resultMore',
  /** A line of words: "Nothing found", "Working…". */
  // l10n-ignore: a context value (menus' `viewItem`), not text
  message: 'resultMessage',
} as const;
