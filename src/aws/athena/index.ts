/** Athena, the AWS side: run a statement (runQuery.ts), the trail's table (table.ts), Find Events on Athena (findEvents.ts). */
export {
  runAthenaQuery,
  DEFAULT_MAX_ROWS,
  MAX_ROWS_LIMIT,
  type AthenaAnswer,
  type AthenaPlace,
  type AthenaProgress,
  type AthenaRunOptions,
  type AthenaStatement,
} from './runQuery';
export { resolveAthenaTable, createAthenaTable, MAX_ENUM_ACCOUNTS, type ResolvedAthenaTable, type TableChoice } from './table';
export { findEventsWithAthena, type AthenaSearch, type AthenaSettings } from './findEvents';
