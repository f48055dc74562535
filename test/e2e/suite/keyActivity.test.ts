import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { world } from '../worldFacts';
import { extensionApi, hoverText, label, path, positionOf, type ApiLike } from './extensionApi';

interface ActivityResult {
  ok: boolean;
  uri?: string;
  events?: number;
  truncated?: boolean;
  error?: string;
}

describe('key activity: Show KMS Activity (against the sandbox)', function () {
  this.timeout(60_000);
  const facts = world();
  let api: ApiLike;

  before(async () => {
    api = await extensionApi();
  });

  it("opens the healthy key's LookupEvents as read-only JSON, with CloudTrail's GenerateDataKey and hovers that explain it", async () => {
    const children = await api.trails.provider.getChildren(await path(api, facts.trails.management.name));
    const key = children.find((node) => node.kind === 'key');
    assert.ok(key, `no key node among ${children.map(label).join(', ')}`);
    assert.equal(key.item().contextValue, 'key');
    const result = await vscode.commands.executeCommand<ActivityResult>('cloudtrailKms.showKeyActivity', key);
    assert.ok(result.ok && result.uri, `command failed: ${result.error}`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    assert.equal(document.languageId, 'json');
    const parsed = JSON.parse(document.getText()) as {
      Events: Array<{ EventName: string; CloudTrailEvent: string; Resources?: Array<{ ResourceName?: string }> }>;
    };
    assert.equal(parsed.Events.length, result.events);
    assert.ok(parsed.Events.length > 0);
    assert.ok(
      parsed.Events.every((event) => event.Resources?.some((resource) => resource.ResourceName === facts.keys.healthy.arn)),
      'every event names the key',
    );
    const byCloudTrail = parsed.Events.filter(
      (event) =>
        event.EventName === 'GenerateDataKey' &&
        (JSON.parse(event.CloudTrailEvent) as { userIdentity?: { invokedBy?: string } }).userIdentity?.invokedBy ===
          'cloudtrail.amazonaws.com',
    );
    assert.ok(byCloudTrail.length > 0, "CloudTrail's GenerateDataKey calls are there");

    // Inside the embedded CloudTrailEvent string, and on the LookupEvents field itself.
    const inner = await hoverText(document.uri, positionOf(document, '\\"eventName\\"', 4));
    assert.match(inner, /eventName/);
    assert.match(inner, /API action/i);
    const outer = await hoverText(document.uri, positionOf(document, '"EventName"'));
    assert.match(outer, /API action/i);
  });

  it('without a key: a clear error instead of a lookup', async () => {
    const result = await vscode.commands.executeCommand<ActivityResult>('cloudtrailKms.showKeyActivity', { keyArn: 'not-an-arn' });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /right-click a key/);
  });
});
