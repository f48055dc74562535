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

  it('makes no AWS call on activation', async () => {
    const counted = await awsRequestCount();
    assert.deepEqual(counted.requests, [], `activation made ${counted.count} AWS request(s)`);
  });
});
