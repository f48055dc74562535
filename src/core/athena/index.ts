/** Athena, the pure part: the CloudTrail table (DDL with partition projection) and Find Events queries as SQL. */
export { athenaTable, defaultTableName, AthenaTableError, type AthenaTable, type AthenaTableSpec } from './table';
export { createTableDdl, tableProperties } from './ddl';
export { translateToAthena, RESULT_COLUMNS, type AthenaSql, type AthenaSqlOptions } from './translate';
export { athenaRowToHit, type AthenaHit } from './rows';
export { sqlStringLiteral, MAX_EXECUTION_PARAMETER } from './sqlParameters';
export { CLOUDTRAIL_COLUMNS, type HiveField, type HiveType } from './columns';
export { athenaCost, athenaCostText, ATHENA_USD_PER_TB, type AthenaCost } from './cost';
export { explainQueryFailure, explainAthenaCallError, deniedAction, AthenaTableMissingError, type AthenaErrorContext } from './failures';
export { athenaHitToResultItem, athenaResultSet } from './results';
