/**
 * `athena`: an alias of `search --engine athena` (same options, same query, same code path: ./search.ts and
 * ../athenaSearch.ts), kept for the command lines written before `search` had engines.
 */
import { DEFAULT_MAX_ROWS, MAX_ROWS_LIMIT } from '../../aws/athena';
import { ATHENA_OPTIONS_HELP, ATHENA_PERMISSIONS_HELP } from '../athenaSearch';
import { defineCommand } from '../command';
import { parseSearch, runSearch, SEARCH_OPTIONS } from './search';

const USAGE = `Usage: cloudtrail-kms athena <trail | s3://bucket/prefix> --from T [--to T] [--account A]... [--region R]... QUERY...
       [--json] [--max-results N] [--workgroup W] [--output-location S3] [--database D] [--table T]
       [--athena-region R] [--max-wait MINUTES] [--create-table] [--show-sql]

The same as \`cloudtrail-kms search --engine athena\`: finds events with Amazon Athena instead of reading the files
here, for long ranges and organizations. The query (the language of \`search\`, e.g. name:Decrypt key:alias/logs
error:any account:111122223333) becomes SQL over the trail's CloudTrail table (see athena-ddl) with every value as an
execution parameter; progress and the data scanned go to stderr, each event found is printed (the table of \`search\`,
or with --json one results-model object per line). Athena bills the data scanned (about $5 per TB).
  --from T, --to T      the range [from, to): now, -2h, -7d, today, yesterday, 2026-11-24, 2026-11-24T10:30Z
  --account A, --region R   only these log accounts / regions (repeatable, comma lists)
  --max-results N       keep at most N events (default ${DEFAULT_MAX_ROWS}, at most ${MAX_ROWS_LIMIT})
${ATHENA_OPTIONS_HELP}
Needs: ${ATHENA_PERMISSIONS_HELP.replace('With --engine athena: ', '')}
Exit codes: 0 the query ran (found events or none); 1 an error (the table missing: the DDL is printed on stderr);
2 usage; 130 interrupted (Ctrl-C stops the Athena query).`;

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: SEARCH_OPTIONS,
  parse: (parsed) => parseSearch(parsed, 'athena'),
  run: runSearch,
});
