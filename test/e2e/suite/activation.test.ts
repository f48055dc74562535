import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, awsRequestCount } from '../hostHelpers';

describe('activation', () => {
  it('loads the development copy of the extension (not an installed one)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.extensionPath, process.env.CLOUDTRAIL_KMS_E2E_EXTENSION_PATH);
  });

  it('activates without error', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers the refresh command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('cloudtrailKms.refresh'), 'cloudtrailKms.refresh is not registered');
  });

  it('registers every command package.json contributes, and no other cloudtrailKms command', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const manifest = extension.packageJSON as { contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> } };
    // VS Code adds its own commands for each view (`<view id>.focus`, `.open`, …); they are not ours to register.
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((view) => `${view.id}.`);
    const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('cloudtrailKms.') && !views.some((view) => id.startsWith(view)))
      .sort();
    assert.deepEqual(registered, contributed);
  });

  it('makes no AWS call on activation', async () => {
    const counted = await awsRequestCount();
    assert.deepEqual(counted.requests, [], `activation made ${counted.count} AWS request(s)`);
  });
});
