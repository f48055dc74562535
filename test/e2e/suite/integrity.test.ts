import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { world } from '../worldFacts';
import { extensionApi } from './extensionApi';

interface ValidateResult {
  ok: boolean;
  uri?: string;
  counts?: Record<string, number>;
  cancelled?: boolean;
  error?: string;
}
interface KeyPolicyResult {
  ok: boolean;
  uri?: string;
  answers?: { encrypt: string; describe: string; decrypt: string };
  error?: string;
}

// The seeded digests cover these days (as in test/integration/validate-sandbox.test.ts).
const START = '2026-11-24T00:00:00Z';
const END = '2026-11-27T01:00:00Z';

function reportText(uri: string | undefined): string {
  assert.ok(uri, 'no report was opened');
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  assert.ok(document, `the report ${uri} is not among the open documents`);
  assert.equal(document.uri.scheme, 'cloudtrail-report');
  return document.getText();
}

describe('log file integrity and key policy commands (against the sandbox)', function () {
  this.timeout(120_000);
  const facts = world();
  const management = facts.trails.management;
  const dataEvents = facts.trails.dataEvents;

  before(async () => {
    await extensionApi();
  });

  it('validateLogs lists the tampered log as INVALID and every other seeded log as valid', async () => {
    const result = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: management.arn,
      startTime: START,
      endTime: END,
    });
    assert.equal(result.error, undefined);
    const text = reportText(result.uri);
    assert.match(
      text,
      new RegExp(
        `^Validating log files for trail ${management.arn.replace(/[/.*+?^${}()|[\]\\]/g, '\\$&')} between 2026-11-24T00:00:00Z and 2026-11-27T01:00:00Z\n`,
      ),
    );
    const keys = Object.values(facts.logKeys[management.homeRegion]).flat();
    assert.ok(keys.includes(facts.tamperedLogKey), "the tampered log is one of the home region's logs");
    for (const key of keys) {
      const verdict = key === facts.tamperedLogKey ? "INVALID: hash value doesn't match" : 'valid';
      assert.ok(text.includes(`Log file\ts3://${management.bucket}/${key}\t${verdict}\n`), `${key}: ${verdict}`);
    }
    assert.equal(text.split('\n').filter((line) => line.includes('INVALID')).length, 2, 'one INVALID verdict line and the summary line');
    assert.match(text, /\n\d+\/\d+ digest files valid\n(\d+)\/(\d+) log files valid, 1\/\2 log files INVALID\n$/);
    assert.equal(result.ok, false);
    assert.equal(result.counts?.invalidLogs, 1);
    assert.equal(result.counts?.invalidDigests, 0);
  });

  it('validateLogs explains how to turn validation on for a trail without it', async () => {
    const result = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: dataEvents.arn,
      startTime: START,
      endTime: END,
    });
    assert.equal(result.ok, false);
    assert.equal(result.uri, undefined);
    assert.match(result.error ?? '', /Log file validation is off for trail .*--enable-log-file-validation/);
  });

  it('validateLogs refuses bad arguments with a clear error', async () => {
    const badArn = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: 's3://not-a-trail',
      startTime: START,
    });
    assert.match(badArn.error ?? '', /trailArn must be a trail ARN/);
    const badTime = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: management.arn,
      startTime: 'yesterday',
    });
    assert.match(badTime.error ?? '', /startTime must be an ISO-8601 time/);
    const backwards = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: management.arn,
      startTime: END,
      endTime: START,
    });
    assert.match(backwards.error ?? '', /endTime must not be before startTime/);
  });

  it("checkKeyPolicy says CloudTrail may encrypt with the management trail's key", async () => {
    const result = await vscode.commands.executeCommand<KeyPolicyResult>('cloudtrailKms.checkKeyPolicy', { trailArn: management.arn });
    assert.equal(result.error, undefined);
    const text = reportText(result.uri);
    assert.match(text, /^CloudTrail may encrypt: {2}YES$/m);
    assert.match(text, /^CloudTrail may describe: (YES|NO|CANNOT TELL)$/m);
    assert.match(text, /^You may decrypt: {9}(YES|NO|CANNOT TELL)$/m);
    assert.ok(text.includes(`Key    ${management.kmsKeyArn}\n`), text);
    assert.match(text, /YES {9}May CloudTrail \(cloudtrail\.amazonaws\.com\) call kms:GenerateDataKey for this trail\?\n {12}\S/);
    assert.equal(result.answers?.encrypt, 'YES');
  });

  it('checkKeyPolicy says an SSE-S3 trail has no key policy', async () => {
    const result = await vscode.commands.executeCommand<KeyPolicyResult>('cloudtrailKms.checkKeyPolicy', { trailArn: dataEvents.arn });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /SSE-S3.*no KMS key policy to check/);
  });
});
