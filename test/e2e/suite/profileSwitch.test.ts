import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { newestLogKeys, world } from '../worldFacts';
import { extensionApi, label } from './extensionApi';

describe('switching the profile (against the sandbox)', function () {
  this.timeout(60_000);
  const facts = world();

  after(async () => {
    await vscode.workspace.getConfiguration('cloudtrailKms').update('profile', undefined, vscode.ConfigurationTarget.Global);
  });

  it('reloads the tree and drops decrypted logs: the auditor sees the trails but may not decrypt', async () => {
    const api = await extensionApi();
    const key = newestLogKeys(facts).keys[1];
    const asAdmin = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openLog', {
      bucket: facts.trails.management.bucket,
      key,
    });
    assert.ok(asAdmin.opened, asAdmin.error);

    let changed = false;
    const watcher = (api.trails.provider as unknown as { onDidChangeTreeData: vscode.Event<unknown> }).onDidChangeTreeData(
      () => (changed = true),
    );
    await vscode.workspace.getConfiguration('cloudtrailKms').update('profile', 'sandbox-auditor', vscode.ConfigurationTarget.Global);
    for (let i = 0; i < 40 && !changed; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.dispose();
    assert.ok(changed, 'the tree was not refreshed on the profile change');

    const roots = await api.trails.provider.getChildren();
    assert.ok(
      roots.some((node) => label(node) === facts.trails.management.name),
      roots.map(label).join(', '),
    );
    const asAuditor = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openLog', {
      bucket: facts.trails.management.bucket,
      key: newestLogKeys(facts).keys[2],
    });
    assert.equal(asAuditor.opened, false);
    assert.match(asAuditor.error ?? '', /kms:Decrypt/);
  });

  it('shows the welcome view (empty tree) when the profile has no credentials', async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration('cloudtrailKms').update('profile', 'no-such-profile', vscode.ConfigurationTarget.Global);
    await new Promise((resolve) => setTimeout(resolve, 200));
    api.trails.provider.refresh();
    assert.deepEqual((await api.trails.provider.getChildren()).map(label), []);
    await vscode.workspace.getConfiguration('cloudtrailKms').update('profile', undefined, vscode.ConfigurationTarget.Global);
    await new Promise((resolve) => setTimeout(resolve, 200));
    api.trails.provider.refresh();
    assert.ok((await api.trails.provider.getChildren()).some((node) => label(node) === facts.trails.management.name));
  });
});
