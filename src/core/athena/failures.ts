/**
 * Athena's failures explained: a StartQueryExecution refusal (no output location, unknown workgroup, access denied)
 * and a query that ended FAILED (its StateChangeReason: table or database missing, Glue / S3 / KMS denied, an injected
 * partition not named, bad data). Athena's texts hold S3 paths and ARNs from the account, so they are cut to a length
 * and searched with indexOf only (no regular expression runs on them).
 */
import { ExplainedError, explainAwsError, type AwsErrorLike } from '../errors';

export interface AthenaErrorContext {
  operation: string;
  region: string;
  workgroup?: string;
  database?: string;
  table?: string;
  profile?: string;
  /** The log location the table reads, e.g. `s3://bucket/AWSLogs/`. */
  root?: string;
  /** The CREATE TABLE statement for the table, offered when it is missing. */
  ddl?: string;
}

/** The table (or its database) does not exist; `ddl` creates it. */
export class AthenaTableMissingError extends ExplainedError {
  constructor(
    what: string,
    why: string,
    todo: string,
    readonly ddl: string | undefined,
    readonly missing: 'table' | 'database',
  ) {
    super('AthenaTableMissing', what, why, todo);
  }
}

const MAX_REASON = 2000;

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}

function has(text: string, needle: string): boolean {
  return text.toLowerCase().indexOf(needle.toLowerCase()) >= 0;
}

/** The IAM action after "not authorized to perform: " (letters, digits, `:`, `*`), if the text names one. */
export function deniedAction(text: string): string | undefined {
  const marker = 'not authorized to perform: ';
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  let end = at + marker.length;
  while (end < text.length && end - at < 200 && /[A-Za-z0-9:*_-]/.test(text[end])) end++;
  const action = text.slice(at + marker.length, end);
  return action.indexOf(':') > 0 ? action : undefined;
}

function where(context: AthenaErrorContext): string {
  return `${context.workgroup ? `workgroup ${context.workgroup}, ` : ''}${context.region}`;
}

function qualified(context: AthenaErrorContext): string {
  return `${context.database ?? 'default'}.${context.table ?? '?'}`;
}

function tableMissing(context: AthenaErrorContext, said: string, missing: 'table' | 'database'): AthenaTableMissingError {
  const what =
    missing === 'table'
      ? `The Athena table ${qualified(context)} does not exist (${where(context)}).`
      : `The Athena database ${context.database ?? 'default'} does not exist (${where(context)}).`;
  const create =
    missing === 'database'
      ? `Create the database first (CREATE DATABASE ${context.database ?? 'default'}), then the table: `
      : 'Create it: ';
  return new AthenaTableMissingError(
    what,
    `Athena said: ${said}`,
    `${create}run the table's CREATE EXTERNAL TABLE statement (CLI: athena-ddl prints it, athena --create-table runs it; editor: Copy Athena Table DDL or Create Table), which needs glue:CreateTable.`,
    context.ddl,
    missing,
  );
}

/** A query that ended FAILED: its StateChangeReason (and AthenaError type, when given) in the user's words. */
export function explainQueryFailure(reason: string | undefined, context: AthenaErrorContext): ExplainedError {
  const said = clip((reason ?? '').trim() || 'no reason given');
  if (has(said, 'TABLE_NOT_FOUND') || (has(said, 'Table ') && has(said, 'does not exist')) || has(said, 'EntityNotFoundException'))
    return has(said, 'Database') && !has(said, 'Table ') ? tableMissing(context, said, 'database') : tableMissing(context, said, 'table');
  if (has(said, 'SCHEMA_NOT_FOUND') || (has(said, 'Schema ') && has(said, 'does not exist')) || has(said, 'Database not found'))
    return tableMissing(context, said, 'database');
  const action = deniedAction(said);
  const kms = has(said, 'kms:Decrypt') || has(said, 'AWSKMSException') || has(said, 'KMS') || action?.startsWith('kms:');
  if (kms)
    return new ExplainedError(
      'AthenaKmsDenied',
      `Athena could not decrypt the logs under ${context.root ?? "the table's location"}.`,
      `Athena reads the SSE-KMS log objects with your credentials, so S3 asks KMS to Decrypt them for you, and KMS refused. Athena said: ${said}`,
      "Ask for kms:Decrypt on the trail's KMS key (key policy or IAM policy, with the encryption context aws:cloudtrail:arn of the trail), as for opening a log.",
    );
  if (action?.startsWith('glue:') || has(said, 'Insufficient permissions to execute the query'))
    return new ExplainedError(
      'AthenaGlueDenied',
      `You may not read the Athena table ${qualified(context)} in the Glue Data Catalog (${where(context)}).`,
      `Athena said: ${said}`,
      `Ask for ${action ?? 'glue:GetTable, glue:GetDatabase and glue:GetPartitions'} on the catalog, database ${context.database ?? 'default'} and table ${context.table ?? ''}.`.replace(
        ' .',
        '.',
      ),
    );
  if (has(said, 'writing output') || has(said, 'output bucket') || has(said, 'output location') || has(said, 'query results'))
    return new ExplainedError(
      'AthenaOutputDenied',
      `Athena could not write the query's results to its output location (${where(context)}).`,
      `Athena said: ${said}`,
      'Ask for s3:GetBucketLocation, s3:PutObject and s3:GetObject on the output bucket (and s3:ListBucket), or choose another output location (setting cloudtrailKms.athena.outputLocation, CLI --output-location).',
    );
  if (has(said, 'Permission denied on S3 path') || has(said, 'Access Denied') || has(said, 'AccessDenied') || action?.startsWith('s3:'))
    return new ExplainedError(
      'AthenaS3Denied',
      `Athena may not read the logs under ${context.root ?? "the table's location"}.`,
      `Athena reads the log objects with your credentials. Athena said: ${said}`,
      "Ask for s3:ListBucket and s3:GetObject on the trail's bucket (bucket policy and IAM policy), and kms:Decrypt on the trail's key.",
    );
  if (has(said, 'injected projected partition column') || has(said, 'injected'))
    return new ExplainedError(
      'AthenaInjectedPartition',
      `The Athena table ${qualified(context)} needs every query to name its accounts and regions.`,
      `Its account or region partitions are projected as "injected". Athena said: ${said}`,
      'Add account:… and region:… to the query, or recreate the table with its accounts and regions listed (athena-ddl from the trail).',
    );
  if (has(said, 'HIVE_BAD_DATA') || has(said, 'HIVE_CURSOR_ERROR') || has(said, 'JSON'))
    return new ExplainedError(
      'AthenaBadData',
      'Athena could not read a log object as CloudTrail JSON.',
      `A file under ${context.root ?? "the table's location"} is not a CloudTrail log (or is corrupt). Athena said: ${said}`,
      'Narrow the time range or the accounts, or move the stray object out of the AWSLogs/ folders.',
    );
  if (has(said, 'exhausted resources') || has(said, 'timeout') || has(said, 'timed out'))
    return new ExplainedError(
      'AthenaQueryTooLarge',
      'The Athena query ran out of time or resources.',
      `Athena said: ${said}`,
      'Narrow the time range, the accounts or the regions, or raise the workgroup limits.',
    );
  return new ExplainedError('AthenaQueryFailed', `The Athena query failed (${where(context)}).`, `Athena said: ${said}`, undefined);
}

/** StartQueryExecution (or another Athena call) refused: output location, workgroup, permission — else the AWS error explained. */
export function explainAthenaCallError(error: AwsErrorLike, context: AthenaErrorContext): ExplainedError {
  if (error instanceof ExplainedError) return error;
  const message = clip(error.message ?? '');
  const code = (error.name ?? error.code ?? '').replace(/^.*#/, '');
  if (has(message, 'No output location provided') || has(message, 'output location is required'))
    return new ExplainedError(
      'AthenaNoOutputLocation',
      `Athena has nowhere to write the query's results (${where(context)}).`,
      `The workgroup sets no query result location and none was given. Athena said: ${message}`,
      'Set one: the setting cloudtrailKms.athena.outputLocation (CLI --output-location s3://bucket/prefix/), or the workgroup\'s "Query result location" in the Athena console.',
      error,
    );
  if (code === 'InvalidRequestException' && has(message, 'WorkGroup') && (has(message, 'not found') || has(message, 'does not exist')))
    return new ExplainedError(
      'AthenaWorkgroupMissing',
      `The Athena workgroup ${context.workgroup ?? 'primary'} does not exist in ${context.region}.`,
      `Athena said: ${message}`,
      'Choose an existing workgroup (setting cloudtrailKms.athena.workgroup, CLI --workgroup), or leave it empty for "primary".',
      error,
    );
  if (code === 'InvalidRequestException' && has(message, 'WorkGroup') && has(message, 'disabled'))
    return new ExplainedError(
      'AthenaWorkgroupDisabled',
      `The Athena workgroup ${context.workgroup ?? 'primary'} is disabled.`,
      `Athena said: ${message}`,
      'Enable it in the Athena console, or choose another workgroup (setting cloudtrailKms.athena.workgroup, CLI --workgroup).',
      error,
    );
  const action = deniedAction(message);
  if (action && !action.startsWith('athena:')) {
    return new ExplainedError(
      'AccessDenied',
      `You may not ${context.operation} in Athena (${where(context)}).`,
      `AWS said: ${code}: ${message}`,
      `Ask for ${action}.`,
      error,
    );
  }
  const explained = explainAwsError(error, {
    operation: context.operation,
    region: context.region,
    ...(context.profile ? { profile: context.profile } : {}),
  });
  if (explained.code === 'AccessDenied')
    return new ExplainedError(
      'AccessDenied',
      explained.what,
      explained.why,
      `Ask for athena:${context.operation}${context.workgroup ? ` on workgroup ${context.workgroup}` : ''}; running a query also needs athena:GetQueryExecution, athena:GetQueryResults, athena:StopQueryExecution, glue:GetTable/GetDatabase/GetPartitions, s3:GetBucketLocation + s3:PutObject on the output location, and s3:GetObject + kms:Decrypt on the logs.`,
      error,
    );
  return explained;
}
