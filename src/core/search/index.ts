/** Find Events, the pure part: the query language, record matching, the raw-bytes prefilter and folder pruning. */
export * from './query';
export { QueryError, pointAtQueryError } from './queryError';
export { parseQuery, FIELD_ALIASES, type FieldName } from './queryParse';
export { formatQuery, quoteQueryValue } from './queryFormat';
export {
  parseTimePoint,
  formatTimePoint,
  resolveTimeRange,
  eventTimeString,
  TIME_FORMS,
  type TimeRange,
  type RangeDefaults,
} from './timeRange';
export { parseScope, formatScope, isAccountId, isRegionName, SCOPE_FORMS } from './scope';
export { parseKeyRef, aliasesToResolve, resolveKeyAliases, keyCandidates, KEY_FORMS, type ResolvedKeys, type KeyCandidates } from './keys';
export { compileMatcher, type MatchOptions, type RecordMatcher } from './match';
export { buildRawPrefilter, type RawPrefilter } from './prefilter';
export { compileRawPrefilter, RawScanner, rawBytesMayMatch, type CompiledRawPrefilter } from './rawScanner';
export {
  planFolders,
  deliveryWindow,
  daysOf,
  regionsRoot,
  dayFolderPrefixes,
  allDayFolderPrefixes,
  judgeLogKey,
  DEFAULT_PRUNE_MARGINS,
  type PruneMargins,
  type LogLocation,
  type FolderPlan,
  type LogKeyVerdict,
} from './prune';
export {
  hitToResultItem,
  failureToResultItem,
  searchResultSet,
  compareHitsByTime,
  hitLabel,
  hitPrincipal,
  NOT_SEARCHED_GROUP,
  type SearchHit,
  type EventHit,
  eventResultItem,
} from './results';
export {
  summaryText,
  progressText,
  marginText,
  estimateText,
  groupFailures,
  type SearchSummary,
  type SearchProgress,
  type SearchEstimate,
  type FileFailure,
} from './summary';
export { findEventsQuery, findEventsQueryText, LINK_WINDOW_MINUTES } from './linkQuery';
export { DEFAULT_FROM, trailQuery, folderQuery, logFileScope, withScope, prefillText } from './prefill';
