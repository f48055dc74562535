/**
 * CREATE EXTERNAL TABLE for a CloudTrail log location, built from the column model (columns.ts) and a validated
 * table (table.ts): AWS's documented columns, JSON SerDe and CloudTrail input format, partitioned by account, region
 * and day (`timestamp`, as in AWS's example) with partition projection, for the four layouts:
 * `s3://bucket/[prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/<YYYY>/<MM>/<DD>/`.
 */
import { CLOUDTRAIL_COLUMNS, columnName, hiveTypeText } from './columns';
import { athenaTable, projectionKind, type AthenaTable, type AthenaTableSpec } from './table';

export const CLOUDTRAIL_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe';
export const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat';
export const CLOUDTRAIL_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

/** The table properties, in the order the DDL lists them. */
export function tableProperties(table: AthenaTable): [string, string][] {
  const properties: [string, string][] = [['projection.enabled', 'true']];
  for (const [column, values] of [
    ['account', table.accounts],
    ['region', table.regions],
  ] as const) {
    const kind = projectionKind(values);
    properties.push([`projection.${column}.type`, kind]);
    if (kind === 'enum') properties.push([`projection.${column}.values`, values.join(',')]);
  }
  properties.push(
    ['projection.timestamp.type', 'date'],
    ['projection.timestamp.format', 'yyyy/MM/dd'],
    ['projection.timestamp.interval', '1'],
    ['projection.timestamp.interval.unit', 'DAYS'],
    ['projection.timestamp.range', `${table.fromDay},NOW`],
    ['storage.location.template', `${table.root}\${account}/CloudTrail/\${region}/\${timestamp}`],
  );
  return properties;
}

/** The statement for Athena (StartQueryExecution) or to copy: `CREATE EXTERNAL TABLE IF NOT EXISTS …`. */
export function createTableDdl(spec: AthenaTableSpec | AthenaTable): string {
  const table = 'root' in spec ? spec : athenaTable(spec);
  const columns = CLOUDTRAIL_COLUMNS.map((field) => `  ${columnName(field)} ${hiveTypeText(field.type)}`).join(',\n');
  const properties = tableProperties(table)
    .map(([key, value]) => `  '${key}'='${value}'`)
    .join(',\n');
  return [
    `CREATE EXTERNAL TABLE IF NOT EXISTS \`${table.database}\`.\`${table.table}\` (`,
    columns,
    ')',
    'PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)',
    `ROW FORMAT SERDE '${CLOUDTRAIL_SERDE}'`,
    `STORED AS INPUTFORMAT '${CLOUDTRAIL_INPUT_FORMAT}'`,
    `OUTPUTFORMAT '${CLOUDTRAIL_OUTPUT_FORMAT}'`,
    `LOCATION '${table.root}'`,
    'TBLPROPERTIES (',
    properties,
    ')',
  ].join('\n');
}
