/**
 * The Athena table over a trail's (or a log location's) logs, as the explorer knows it: bucket, prefix, organization id,
 * the accounts and regions to project — and creating it (CREATE DATABASE / CREATE EXTERNAL TABLE as Athena DDL runs).
 * The same function feeds `athena-ddl`, "Copy Athena Table DDL" and the SQL of a query, so they agree on the table.
 */
import { athenaTable, AthenaTableError, createTableDdl, type AthenaTable } from '../../core/athena';
import { ExplainedError } from '../../core/errors';
import { isOrganizationId } from '../../core/logs/logLayout';
import type { TrailInfo } from '../../core/model';
import { isAccountId, type LogLocation, type SearchScope } from '../../core/search';
import { s3RegionFor } from '../buckets';
import { ALL_REGIONS, type AwsClients } from '../clients';
import { trailOrganizationId } from '../integrity';
import { listLogFolder } from '../logObjects';
import { trimSlashes } from '../../core/search/prune';
import { resolveTrail } from '../trails';
import { runAthenaQuery, type AthenaPlace, type AthenaRunOptions } from './runQuery';

/** An organization with more accounts than this gets an `injected` account projection (Athena: enums of a few dozen). */
export const MAX_ENUM_ACCOUNTS = 50;

export interface TableChoice {
  database?: string;
  table?: string;
  /** First day of the day projection (YYYY/MM/DD or YYYY-MM-DD). */
  fromDay?: string;
}

export interface ResolvedAthenaTable {
  table: AthenaTable;
  ddl: string;
  /** The log bucket's region (Athena runs there unless a region is chosen). */
  bucketRegion: string;
  trail?: TrailInfo;
  /** What the user should know about the projection (e.g. accounts left injected). */
  notes: string[];
}

function tableError(error: unknown): never {
  if (error instanceof AthenaTableError) throw new ExplainedError('AthenaTableInvalid', error.message, undefined, undefined, error);
  throw error;
}

/** The account folders under `AWSLogs/[o-id/]` (one listing page: at most 1000; more means injected). */
async function accountFolders(clients: AwsClients, location: LogLocation, region: string): Promise<string[] | undefined> {
  const prefix = `${location.keyPrefix ? `${trimSlashes(location.keyPrefix)}/` : ''}AWSLogs/${location.organizationId ? `${location.organizationId}/` : ''}`;
  const page = await listLogFolder(clients, { bucket: location.bucket, prefix, region });
  const accounts = page.folders.map((folder) => folder.name).filter(isAccountId);
  return page.nextToken ? undefined : accounts;
}

/** The table for a trail or a log location: accounts and regions projected as the trail says (or as the bucket shows). */
export async function resolveAthenaTable(clients: AwsClients, scope: SearchScope, choice: TableChoice = {}): Promise<ResolvedAthenaTable> {
  const notes: string[] = [];
  let location: LogLocation;
  let trail: TrailInfo | undefined;
  let accounts: string[] | undefined;
  let regions: string[];
  if (scope.kind === 'trail') {
    const found = await resolveTrail(clients, scope.trail);
    trail = found;
    const organizationId = await trailOrganizationId(clients, found);
    location = {
      bucket: found.bucket,
      ...(found.keyPrefix ? { keyPrefix: found.keyPrefix } : {}),
      ...(organizationId ? { organizationId } : {}),
    };
    regions = found.isMultiRegion ? [...new Set([found.homeRegion, ...ALL_REGIONS])] : [found.homeRegion];
    if (!found.isOrganizationTrail) accounts = [found.account];
  } else {
    location = {
      bucket: scope.bucket,
      ...(scope.keyPrefix ? { keyPrefix: scope.keyPrefix } : {}),
      ...(scope.organizationId ? { organizationId: scope.organizationId } : {}),
    };
    if (location.organizationId !== undefined && !isOrganizationId(location.organizationId))
      tableError(new AthenaTableError(`"${location.organizationId}" is not an organization id.`));
    regions = [...ALL_REGIONS];
    notes.push(`Regions: the ${ALL_REGIONS.length} commercial regions (a log location does not say which regions it holds).`);
  }
  const bucketRegion = await s3RegionFor(clients, location.bucket);
  if (!accounts) {
    const found = await accountFolders(clients, location, bucketRegion);
    if (found && found.length > 0 && found.length <= MAX_ENUM_ACCOUNTS) accounts = found;
    else {
      accounts = [];
      notes.push(
        found && found.length === 0
          ? 'Accounts: no account folders found yet, so the account partition is injected: every query must name its accounts.'
          : `Accounts: more than ${MAX_ENUM_ACCOUNTS} account folders, so the account partition is injected: every query must name its accounts.`,
      );
    }
  }
  let table: AthenaTable;
  try {
    table = athenaTable({
      location,
      accounts,
      regions,
      ...(choice.database?.trim() ? { database: choice.database.trim() } : {}),
      ...(choice.table?.trim() ? { table: choice.table.trim() } : {}),
      ...(choice.fromDay?.trim() ? { fromDay: choice.fromDay.trim() } : {}),
    });
  } catch (error) {
    tableError(error);
  }
  return { table, ddl: createTableDdl(table), bucketRegion, ...(trail ? { trail } : {}), notes };
}

/** Creates the database (when not `default`) and the table, as DDL statements in the workgroup. */
export async function createAthenaTable(
  clients: AwsClients,
  place: AthenaPlace,
  resolved: ResolvedAthenaTable,
  options: Pick<AthenaRunOptions, 'signal' | 'onProgress' | 'pollInitialMs' | 'pollMaxMs'> = {},
): Promise<void> {
  const { database } = resolved.table;
  const errorContext = { database, table: resolved.table.table, root: resolved.table.root, ddl: resolved.ddl };
  if (database !== 'default')
    await runAthenaQuery(
      clients,
      { ...place, database: undefined },
      { sql: `CREATE DATABASE IF NOT EXISTS \`${database}\`` },
      { ...options, errorContext },
    );
  await runAthenaQuery(clients, { ...place, database }, { sql: resolved.ddl }, { ...options, errorContext });
}
