import * as assert from 'node:assert/strict';
import { sep } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../hostHelpers';

describe('installed .vsix', () => {
  it('is the copy installed from the package, and it activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const extensionsDir = process.env.CLOUDTRAIL_KMS_E2E_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'CLOUDTRAIL_KMS_E2E_EXTENSIONS_DIR is not set');
    assert.ok(extension.extensionPath.startsWith(extensionsDir + sep), `${extension.extensionPath} is not under ${extensionsDir}`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('cloudtrailKms.refresh'), 'cloudtrailKms.refresh is not registered');
  });
});
