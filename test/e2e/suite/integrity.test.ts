import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { world } from '../worldFacts';
import { extensionApi, type ResultItemLike } from './extensionApi';

interface ValidateResult {
  ok: boolean;
  results?: number;
  problems?: number;
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

  it('validateLogs: the tampered log first in the Results view, with its reason; valid logs per day; a problem in Problems', async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: management.arn,
      startTime: START,
      endTime: END,
    });
    assert.equal(result.error, undefined);
    assert.equal(result.ok, false);
    assert.equal(result.counts?.invalidLogs, 1);
    assert.equal(result.counts?.invalidDigests, 0);
    assert.ok(result.results, 'no result set');
    const set = api.results.set(result.results);
    assert.ok(set?.done);
    assert.equal(set.kind, 'validation');
    const keys = Object.values(facts.logKeys[management.homeRegion]).flat();
    assert.ok(keys.includes(facts.tamperedLogKey), "the tampered log is one of the home region's logs");
    assert.equal(set.summary, `1 INVALID · ${keys.length - 1}/${keys.length} logs valid · 72/72 digests valid`);
    const invalid = set.items.filter((item) => item.severity === 'error');
    assert.deepEqual(
      invalid.map((item) => [item.group[0], item.detail, item.source?.key]),
      [['INVALID', "hash value doesn't match", facts.tamperedLogKey]],
    );
    for (const key of keys) {
      const item: ResultItemLike | undefined = set.items.find((candidate) => candidate.source?.key === key);
      assert.ok(item, `${key} is not among the results`);
      if (key !== facts.tamperedLogKey) assert.deepEqual([item.severity, item.group[0]], ['ok', 'Valid'], key);
    }
    // The view: the set on top, INVALID its first group, the tampered file in it.
    const sets = api.results.provider.getChildren();
    const top = api.results.provider.getTreeItem(sets[0]);
    assert.equal(top.label, set.title);
    const groups = api.results.provider.getChildren(sets[0]);
    const first = api.results.provider.getTreeItem(groups[0]);
    assert.equal(first.label, 'INVALID');
    assert.equal(
      first.description,
      `1 · ${facts.tamperedLogKey
        .match(/(\d{4})\/(\d{2})\/(\d{2})\//)!
        .slice(1)
        .join('-')}`,
    );
    const [file] = api.results.provider.getChildren(groups[0]);
    const fileItem = api.results.provider.getTreeItem(file);
    assert.equal(fileItem.description, "hash value doesn't match");
    assert.equal(fileItem.command?.command, 'cloudtrailKms.openResult');
    // Problems: on the tampered log's document.
    const uri = vscode.Uri.from({ scheme: 'cloudtrail-log', path: `/${management.bucket}/${facts.tamperedLogKey.replace(/\.gz$/, '')}` });
    const problems = api.integrityProblems.get(uri);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0].message, /^INVALID: the SHA-256 of this file does not match the hash its digest file recorded/);
    assert.equal(result.problems, 1);
    // Opening the item opens that very log (decrypted).
    const opened = await vscode.commands.executeCommand<{ opened: boolean; uri?: string; error?: string }>(
      'cloudtrailKms.openResult',
      file,
    );
    assert.ok(opened.opened, opened.error);
    assert.equal(opened.uri, uri.toString());
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /"Records"/);
  });

  it('the results save as JSON Lines and open as a document that starts with the summary', async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: management.arn,
      startTime: START,
      endTime: END,
    });
    const set = api.results.set(result.results ?? -1);
    assert.ok(set);
    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'ctk-results-')), 'validation.jsonl'));
    const saved = await vscode.commands.executeCommand<{ saved: boolean; items?: number }>(
      'cloudtrailKms.saveResults',
      { set: result.results },
      target.toString(),
    );
    assert.deepEqual(saved, { saved: true, uri: target.toString(), items: set.items.length });
    const lines = readFileSync(target.fsPath, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, set.items.length);
    assert.deepEqual(JSON.parse(lines.find((line) => line.includes('INVALID')) ?? '{}').source?.key, facts.tamperedLogKey);
    const doc = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openResultsDocument', {
      set: result.results,
    });
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri)?.getText() ?? '';
    assert.ok(text.startsWith(`${set.title}\n${set.summary}\n\nINVALID (1 · `), text.slice(0, 300));
  });

  it('validateLogs explains how to turn validation on for a trail without it', async () => {
    const result = await vscode.commands.executeCommand<ValidateResult>('cloudtrailKms.validateLogs', {
      trailArn: dataEvents.arn,
      startTime: START,
      endTime: END,
    });
    assert.equal(result.ok, false);
    assert.equal(result.results, undefined);
    assert.match(result.error ?? '', /Log file validation is off for trail .*Turn it on in the CloudTrail console/);
    assert.doesNotMatch(result.error ?? '', /aws cloudtrail|--/, 'no CLI wording in the editor');
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
