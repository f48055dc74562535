import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { world } from '../worldFacts';
import { extensionApi, label, path, type ApiLike } from './extensionApi';

interface DdlResult {
  ok: boolean;
  ddl?: string;
  database?: string;
  table?: string;
  error?: string;
}

describe('Athena: Copy Athena Table DDL (against the sandbox)', function () {
  this.timeout(60_000);
  const facts = world();
  let api: ApiLike;

  before(async () => {
    api = await extensionApi();
  });

  it("copies the trail's CREATE EXTERNAL TABLE (its bucket, prefix, account and regions) from the trail node", async () => {
    const trail = facts.trails.management;
    const node = await path(api, trail.name);
    assert.equal(label(node), trail.name);
    const result = await vscode.commands.executeCommand<DdlResult>('cloudtrailKms.copyAthenaDdl', node);
    assert.ok(result.ok && result.ddl, `command failed: ${result.error}`);
    const prefix = trail.s3KeyPrefix ? `${trail.s3KeyPrefix}/` : '';
    assert.ok(result.ddl.includes(`LOCATION 's3://${trail.bucket}/${prefix}AWSLogs/'`), result.ddl);
    assert.ok(result.ddl.includes(`'projection.account.values'='${facts.accountId}'`), result.ddl);
    assert.ok(result.ddl.includes(`${facts.region}`));
    assert.equal(await vscode.env.clipboard.readText(), result.ddl);
  });

  it('a trail ARN that is not one: a clear error, nothing copied', async () => {
    await vscode.env.clipboard.writeText('before');
    const result = await vscode.commands.executeCommand<DdlResult>('cloudtrailKms.copyAthenaDdl', { trailArn: "x'; DROP" });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /trailArn must be a trail ARN/);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });
});
