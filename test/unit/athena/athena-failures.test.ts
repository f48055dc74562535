/**
 * Athena's failure texts (StateChangeReason of a FAILED query, StartQueryExecution refusals) explained. moto never ends
 * a query FAILED, so these are the place the texts are checked; the texts are Athena's own wording (engine v3 error
 * names, the "No output location provided" and "Insufficient permissions" messages of the Athena user guide).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AthenaTableMissingError,
  deniedAction,
  explainAthenaCallError,
  explainQueryFailure,
  type AthenaErrorContext,
} from '../../../src/core/athena';

const context: AthenaErrorContext = {
  operation: 'the query',
  region: 'eu-west-1',
  workgroup: 'audit',
  database: 'security',
  table: 'cloudtrail_logs',
  root: 's3://org-logs/AWSLogs/o-abc1234567/',
  ddl: 'CREATE EXTERNAL TABLE IF NOT EXISTS `security`.`cloudtrail_logs` (…)',
};

test("query failures: each kind of reason gets its own code, what to do, and Athena's words", () => {
  const cases: [string, string, RegExp][] = [
    [
      "TABLE_NOT_FOUND: line 5:6: Table 'awsdatacatalog.security.cloudtrail_logs' does not exist",
      'AthenaTableMissing',
      /security\.cloudtrail_logs does not exist.*athena-ddl/,
    ],
    [
      "SCHEMA_NOT_FOUND: line 5:6: Schema 'security' does not exist",
      'AthenaTableMissing',
      /database security does not exist.*CREATE DATABASE security/,
    ],
    [
      'Insufficient permissions to execute the query. User: arn:aws:iam::111122223333:user/ana is not authorized to perform: glue:GetTable on resource: arn:aws:glue:eu-west-1:111122223333:table/security/cloudtrail_logs',
      'AthenaGlueDenied',
      /Ask for glue:GetTable on the catalog, database security and table cloudtrail_logs/,
    ],
    [
      'HIVE_CURSOR_ERROR: com.amazonaws.services.kms.model.AWSKMSException: User: arn:aws:iam::111122223333:user/ana is not authorized to perform: kms:Decrypt',
      'AthenaKmsDenied',
      /could not decrypt the logs under s3:\/\/org-logs\/AWSLogs\/o-abc1234567\/.*kms:Decrypt on the trail's KMS key/,
    ],
    [
      'Permission denied on S3 path: s3://org-logs/AWSLogs/o-abc1234567/111122223333/CloudTrail/eu-west-1/2026/11/24',
      'AthenaS3Denied',
      /s3:ListBucket and s3:GetObject/,
    ],
    [
      'Access denied when writing output to url: s3://athena-results/q/. Please ensure you are allowed to access the S3 bucket.',
      'AthenaOutputDenied',
      /s3:GetBucketLocation, s3:PutObject/,
    ],
    ['Unable to verify/create output bucket athena-results', 'AthenaOutputDenied', /cloudtrailKms\.athena\.outputLocation/],
    [
      'CONSTRAINT_VIOLATION: For the injected projected partition column account, the WHERE clause must contain only static equality conditions, and at least one such condition must be present.',
      'AthenaInjectedPartition',
      /account:… and region:…/,
    ],
    ['HIVE_BAD_DATA: Error parsing field value', 'AthenaBadData', /not a CloudTrail log/],
    ['Query exhausted resources at this scale factor', 'AthenaQueryTooLarge', /Narrow the time range/],
    ['Something new', 'AthenaQueryFailed', /The Athena query failed \(workgroup audit, eu-west-1\)\. Athena said: Something new/],
    ['', 'AthenaQueryFailed', /no reason given/],
  ];
  for (const [reason, code, text] of cases) {
    const error = explainQueryFailure(reason, context);
    assert.equal(error.code, code, reason);
    assert.match(error.message, text, reason);
    if (reason) assert.ok(error.message.includes(reason), `Athena's words kept: ${reason}`);
  }
  const missing = explainQueryFailure("TABLE_NOT_FOUND: Table 'x' does not exist", context);
  assert.ok(missing instanceof AthenaTableMissingError);
  assert.equal(missing.ddl, context.ddl);
  assert.equal(missing.missing, 'table');
});

test('a reason from the account is cut to a length; finding the action is linear on hostile text', () => {
  const long = `TABLE_NOT_FOUND ${'x'.repeat(1_000_000)}`;
  assert.ok(explainQueryFailure(long, context).message.length < 3000);
  const hostile = `not authorized to perform: ${'a:'.repeat(500_000)}`;
  const action = deniedAction(hostile);
  assert.ok(action === undefined || action.length <= 200);
  assert.equal(deniedAction('User: x is not authorized to perform: s3:GetBucketLocation on resource'), 's3:GetBucketLocation');
  assert.equal(deniedAction('no action here'), undefined);
});

test('StartQueryExecution refusals: no output location, workgroup, access denied name the permission or setting', () => {
  const call = { ...context, operation: 'StartQueryExecution' };
  const noOutput = explainAthenaCallError(
    {
      name: 'InvalidRequestException',
      message:
        'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
    },
    call,
  );
  assert.equal(noOutput.code, 'AthenaNoOutputLocation');
  assert.match(noOutput.message, /cloudtrailKms\.athena\.outputLocation.*--output-location/);
  assert.equal(
    explainAthenaCallError({ name: 'InvalidRequestException', message: 'WorkGroup audit is not found.' }, call).code,
    'AthenaWorkgroupMissing',
  );
  assert.equal(
    explainAthenaCallError({ name: 'InvalidRequestException', message: 'WorkGroup audit is disabled.' }, call).code,
    'AthenaWorkgroupDisabled',
  );
  const denied = explainAthenaCallError(
    {
      name: 'AccessDeniedException',
      message: 'User: arn:aws:iam::111122223333:user/ana is not authorized to perform: athena:StartQueryExecution',
      $metadata: { httpStatusCode: 400 },
    },
    call,
  );
  assert.equal(denied.code, 'AccessDenied');
  assert.match(denied.message, /Ask for athena:StartQueryExecution on workgroup audit; .*glue:GetTable.*s3:GetBucketLocation.*kms:Decrypt/);
  const bucket = explainAthenaCallError(
    {
      name: 'AccessDeniedException',
      message: 'User: arn:aws:iam::1:user/ana is not authorized to perform: s3:GetBucketLocation on resource: arn:aws:s3:::results',
    },
    call,
  );
  assert.match(bucket.message, /Ask for s3:GetBucketLocation\./);
  assert.equal(explainAthenaCallError({ name: 'ThrottlingException', message: 'Rate exceeded' }, call).code, 'Throttled');
});
