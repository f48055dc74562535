/** `athena-ddl`: the CREATE EXTERNAL TABLE statement (partition projection) for a trail's logs or a log location. */
import { resolveAthenaTable } from '../../aws/athena';
import { parseScope, SCOPE_FORMS } from '../../core/search';
import { defineCommand } from '../command';
import { UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms athena-ddl <trail | s3://bucket/prefix> [--database D] [--table T] [--from YYYY/MM/DD] [--json]

Prints the Amazon Athena CREATE EXTERNAL TABLE statement for the trail's CloudTrail logs: AWS's documented columns and
JSON SerDe, partition projection on account, region and day, over s3://bucket/[prefix/]AWSLogs/[o-id/] (organization
trails included). The accounts are the trail's account, or the account folders found in the bucket (more than 50:
"injected", so every query must name its accounts); the regions are the trail's (every commercial region for a
multi-region trail or a log location). Notes go to stderr. Run the statement in Athena (or: athena --create-table).
  --database D      Glue database (default: default)
  --table T         table name (default: cloudtrail_<bucket>[_<prefix>][_<o-id>])
  --from YYYY/MM/DD first day of the day projection (default 2013/11/01)
  --json            {"database", "table", "location", "accounts", "regions", "ddl", "notes"}
Needs cloudtrail:DescribeTrails for a trail, s3:ListBucket on the log bucket (organization id, account folders).
Exit codes: 0 printed; 1 an AWS error; 2 usage.`;

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['database', 'table', 'from'] },
  parse({ positional, values }) {
    if (positional.length !== 1) throw new UsageError(`athena-ddl needs one trail or log location (${SCOPE_FORMS}).`);
    const parsed = parseScope(positional[0]);
    if (typeof parsed === 'string') throw new UsageError(`"${positional[0]}" is ${parsed}.`);
    if (parsed.account || parsed.region)
      throw new UsageError('Give the location down to AWSLogs/[o-id/] only: the table covers every account and region under it.');
    return { scope: parsed.scope, database: values.database, table: values.table, fromDay: values.from };
  },
  async run({ args, io, global, clients }) {
    const resolved = await resolveAthenaTable(clients, args.scope, args);
    const { table } = resolved;
    if (global.json) {
      const { database, table: name, root, accounts, regions } = table;
      io.stdout.write(
        `${JSON.stringify({ database, table: name, location: root, accounts, regions, ddl: resolved.ddl, notes: resolved.notes }, null, 2)}\n`,
      );
      return;
    }
    io.stdout.write(`${resolved.ddl.trimEnd()}\n`);
    for (const note of resolved.notes) io.stderr.write(`Note: ${note}\n`);
  },
});
