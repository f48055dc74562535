import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../hostHelpers';
import { world } from '../worldFacts';

interface NodeLike {
  kind: string;
  item(): vscode.TreeItem;
}
interface ApiLike {
  trails: { provider: { getChildren(node?: NodeLike): Promise<NodeLike[]> } };
}

describe('installed .vsix against the sandbox', function () {
  this.timeout(60_000);

  it("shows the seeded trails in the installed copy's tree and opens a log from it", async () => {
    const extension = vscode.extensions.getExtension<ApiLike>(EXTENSION_ID);
    assert.ok(extension);
    assert.ok(extension.extensionPath.startsWith(`${process.env.CLOUDTRAIL_KMS_E2E_EXTENSIONS_DIR}${sep}`), 'not the installed copy');
    const api = await extension.activate();
    const facts = world();
    const roots = await api.trails.provider.getChildren();
    const names = roots
      .filter((node) => node.kind === 'trail')
      .map((node) => String(node.item().label))
      .sort();
    assert.deepEqual(names, [facts.trails.dataEvents.name, facts.trails.management.name].sort());
    const key = facts.logKeys[facts.region][facts.days[facts.days.length - 1]][0];
    const result = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openLog', {
      bucket: facts.trails.management.bucket,
      key,
    });
    assert.ok(result.opened, result.error);
  });
});
