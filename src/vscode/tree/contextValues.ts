/**
 * The `contextValue` of each kind of node in the Trails view: package.json's `viewItem` menu clauses match these
 * (test/unit/manifest.test.ts checks both sides). No vscode import, so the unit tests can read it.
 */
export const ContextValues = {
  trail: 'trail',
  /** A trail with a KMS key: only these offer Check Key Policy. */
  trailKms: 'trailKms',
  keys: 'keys',
  key: 'key',
  info: 'info',
  folder: 'folder',
  logObject: 'logObject',
  digestObject: 'digestObject',
  loadMore: 'loadMore',
  error: 'error',
  /** A pinned log location (`s3://bucket[/prefix]`, "CloudTrail: Add Log Location…"): removable. */
  logLocation: 'logLocation',
  /** A node whose children are loading; clicking it cancels. */
  loading: 'loading',
} as const;

/** A flag under a key: `flag.<code>` (e.g. `flag.disabled`). */
export function flagContextValue(code: string): string {
  return `flag.${code}`;
}
