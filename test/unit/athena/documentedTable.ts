/**
 * What AWS documents for the CloudTrail table (Athena user guide, "Create the table for CloudTrail logs in Athena using
 * partition projection", https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html,
 * read 2026), transcribed as facts to compare with — column names and types normalized (lower case, no spaces) — not
 * the statement's text. The generated DDL is parsed back (ddlColumns) and compared with these.
 */
export const DOCUMENTED_COLUMNS: readonly [string, string][] = [
  ['eventversion', 'string'],
  [
    'useridentity',
    'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,' +
      'onbehalfof:struct<userid:string,identitystorearn:string>,' +
      'sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,' +
      'sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,' +
      'ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>',
  ],
  ['eventtime', 'string'],
  ['eventsource', 'string'],
  ['eventname', 'string'],
  ['awsregion', 'string'],
  ['sourceipaddress', 'string'],
  ['useragent', 'string'],
  ['errorcode', 'string'],
  ['errormessage', 'string'],
  ['requestparameters', 'string'],
  ['responseelements', 'string'],
  ['additionaleventdata', 'string'],
  ['requestid', 'string'],
  ['eventid', 'string'],
  ['readonly', 'string'],
  ['resources', 'array<struct<arn:string,accountid:string,type:string>>'],
  ['eventtype', 'string'],
  ['apiversion', 'string'],
  ['recipientaccountid', 'string'],
  ['serviceeventdetails', 'string'],
  ['sharedeventid', 'string'],
  ['vpcendpointid', 'string'],
  ['vpcendpointaccountid', 'string'],
  ['eventcategory', 'string'],
  ['addendum', 'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>'],
  ['sessioncredentialfromconsole', 'string'],
  ['edgedevicedetails', 'string'],
  ['tlsdetails', 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>'],
];

export const DOCUMENTED_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe';
export const DOCUMENTED_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat';
export const DOCUMENTED_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

/** The documented date projection (the documented table partitions by `timestamp` only). */
export const DOCUMENTED_DATE_PROJECTION: Record<string, string> = {
  'projection.enabled': 'true',
  'projection.timestamp.format': 'yyyy/MM/dd',
  'projection.timestamp.interval': '1',
  'projection.timestamp.interval.unit': 'DAYS',
  'projection.timestamp.type': 'date',
};

/** Splits on commas outside <> and (). */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '<' || text[i] === '(') depth++;
    else if (text[i] === '>' || text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Reads a CREATE TABLE statement back: columns (normalized), partitions, SerDe, formats, location, properties. */
export function readDdl(ddl: string) {
  const open = ddl.indexOf('(');
  let depth = 0;
  let close = open;
  for (; close < ddl.length; close++) {
    if (ddl[close] === '(' || ddl[close] === '<') depth++;
    if (ddl[close] === ')' || ddl[close] === '>') depth--;
    if (depth === 0) break;
  }
  const columns = splitTop(ddl.slice(open + 1, close)).map((column): [string, string] => {
    const space = column.search(/\s/);
    return [column.slice(0, space).toLowerCase(), column.slice(space).replace(/\s+/g, '').toLowerCase()];
  });
  const after = ddl.slice(close + 1);
  const quoted = (label: string) => new RegExp(`${label}\\s+'([^']*)'`).exec(after)?.[1];
  const partitions = /PARTITIONED BY \(([^)]*)\)/.exec(after)?.[1] ?? '';
  const properties: Record<string, string> = {};
  for (const match of after.matchAll(/'([^']+)'\s*=\s*'([^']*)'/g)) properties[match[1]] = match[2];
  return {
    head: ddl.slice(0, open).trim(),
    columns,
    partitions: splitTop(partitions).map((part) => part.replace(/`/g, '').replace(/\s+/g, ' ').toLowerCase()),
    serde: quoted('ROW FORMAT SERDE'),
    inputFormat: quoted('STORED AS INPUTFORMAT'),
    outputFormat: quoted('OUTPUTFORMAT'),
    location: quoted('LOCATION'),
    properties,
  };
}
