import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { newestLogKeys, world } from '../worldFacts';
import { extensionApi, hoverText, label, path, positionOf, type ApiLike } from './extensionApi';

interface ActivityResult {
  ok: boolean;
  results?: number;
  events?: number;
  truncated?: boolean;
  error?: string;
}

describe('key activity: Show KMS Activity in the Results view (against the sandbox)', function () {
  this.timeout(90_000);
  const facts = world();
  let api: ApiLike;

  before(async () => {
    api = await extensionApi();
  });

  /** The nodes under a node of the Results view, with their tree items. */
  const children = (node?: unknown) =>
    api.results.provider.getChildren(node).map((child) => ({ node: child, item: api.results.provider.getTreeItem(child) }));

  it('groups by principal → operation → outcome, denied calls first, counts and time spans; events open as records with hovers', async () => {
    // The newest 200 events are what the view shows first; earlier tests read many logs as the admin (each read is a
    // Decrypt S3 makes for the caller), so the auditor's denied reads are made here, just before the lookup.
    // As the current profile: a URI naming another profile would first ask the user (a modal).
    const settings = vscode.workspace.getConfiguration('cloudtrailKms');
    await settings.update('profile', 'sandbox-auditor', vscode.ConfigurationTarget.Global);
    try {
      for (const key of newestLogKeys(facts).keys.slice(0, 2)) {
        const uri = vscode.Uri.from({
          scheme: 'cloudtrail-log',
          path: `/${facts.trails.management.bucket}/${key.replace(/\.gz$/, '')}`,
          query: 'profile=sandbox-auditor',
        });
        await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), /kms:Decrypt/);
      }
    } finally {
      await settings.update('profile', undefined, vscode.ConfigurationTarget.Global);
    }
    const keyNodes = await api.trails.provider.getChildren(await path(api, facts.trails.management.name));
    const key = keyNodes.find((node) => node.kind === 'key');
    assert.ok(key, `no key node among ${keyNodes.map(label).join(', ')}`);
    const result = await vscode.commands.executeCommand<ActivityResult>('cloudtrailKms.showKeyActivity', key);
    assert.ok(result.ok && result.results, `command failed: ${result.error}`);
    const set = api.results.set(result.results);
    assert.ok(set?.done);
    assert.equal(set.kind, 'activity');
    assert.equal(set.items.length, result.events);
    assert.match(set.title, new RegExp(`^KMS activity of ${facts.keys.healthy.alias} · `));
    assert.match(set.summary ?? '', /^\d+\+? events · [1-9]\d* denied · \d+ principals? · 2026-/);

    const [top] = children();
    const principals = children(top.node);
    // Worst first: the principal with denied calls leads, its denied Decrypts first.
    assert.equal(principals[0].item.label, 'IAM user auditor');
    assert.match(String(principals[0].item.description), /^\d+ · 2026-11-2\d/);
    const operations = children(principals[0].node);
    assert.equal(operations[0].item.label, 'Decrypt');
    const outcomes = children(operations[0].node);
    assert.match(String(outcomes[0].item.label), /^Denied \(AccessDenied/);
    const [deniedEvent] = children(outcomes[0].node);
    assert.match(String(deniedEvent.item.label), /^2026-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    assert.equal(deniedEvent.item.command?.command, 'cloudtrailKms.openResult');
    // Further back (Load more, as a user would), CloudTrail's own GenerateDataKey calls for the log files it wrote.
    const setId = result.results;
    const byCloudTrail = () =>
      (api.results.set(setId)?.items ?? []).filter((item) => item.group[1] === 'GenerateDataKey' && item.group[0] === 'CloudTrail');
    for (let page = 0; page < 30 && byCloudTrail().length === 0; page++) {
      const more = children(children()[0].node).find((child) => child.item.contextValue === 'resultMore');
      if (!more) break;
      await vscode.commands.executeCommand('cloudtrailKms.loadMoreResults', more.node);
    }
    assert.ok(
      byCloudTrail().length > 0,
      `CloudTrail's GenerateDataKey calls are there: ${[...new Set(api.results.set(setId)?.items.map((i) => i.group[0]))].join(', ')}`,
    );

    // Opening an event shows its record as JSON, with hovers; opening it again shows the same tab.
    const opened = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openResult', deniedEvent.node);
    assert.ok(opened.opened);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.uri);
    assert.ok(document);
    assert.equal(document.languageId, 'json');
    assert.match(document.getText(), /"errorCode": "AccessDenied/);
    assert.match(await hoverText(document.uri, positionOf(document, '"eventName"')), /API action/i);
    const again = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openResult', deniedEvent.node);
    assert.equal(again.uri, opened.uri);
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => (tab.input as { uri?: vscode.Uri })?.uri?.toString() === opened.uri);
    assert.equal(tabs.length, 1);
  });

  it('pages beyond 200 events with "Load more", in the view', async () => {
    const result = await vscode.commands.executeCommand<ActivityResult>('cloudtrailKms.showKeyActivity', {
      keyArn: facts.keys.healthy.arn,
      alias: facts.keys.healthy.alias,
    });
    assert.ok(result.ok && result.results, result.error);
    assert.equal(result.events, 200, 'the healthy key has more than 200 events in the sandbox');
    assert.equal(result.truncated, true);
    const [top] = children();
    const more = children(top.node).find((child) => child.item.contextValue === 'resultMore');
    assert.ok(more, 'no Load more node');
    assert.equal(more.item.label, 'Load 200 more events');
    await vscode.commands.executeCommand('cloudtrailKms.loadMoreResults', more.node);
    const set = api.results.set(result.results);
    assert.ok(set && set.items.length > 200, `${set?.items.length} events after Load more`);
    const ids = set.items.map((item) => (item.record as { eventID?: string } | undefined)?.eventID);
    assert.equal(new Set(ids).size, ids.length, 'Load more repeated events');
  });

  it('without a key: a clear error instead of a lookup', async () => {
    const result = await vscode.commands.executeCommand<ActivityResult>('cloudtrailKms.showKeyActivity', { keyArn: 'not-an-arn' });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /right-click a key/);
  });
});
