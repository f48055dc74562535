// Issue 14's tree items against a hung sandbox (its control URL pauses S3 listings): a load that times out becomes a
// retryable error node saying why; a "Loading…" row cancels its load; Refresh from the title bar reloads everything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { world } from '../worldFacts';
import { description, extensionApi, label, path, type ApiLike, type NodeLike } from './extensionApi';

const CONTROL = process.env.CLOUDTRAIL_KMS_E2E_SANDBOX_CONTROL ?? '';

async function control(action: string, method = 'POST'): Promise<void> {
  const response = await fetch(new URL(action, CONTROL), { method });
  if (!response.ok) throw new Error(`sandbox control ${action}: HTTP ${response.status}`);
}

async function setTimeouts(operation: number | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('cloudtrailKms');
  await config.update('operationTimeoutSeconds', operation, vscode.ConfigurationTarget.Global);
  await config.update('requestTimeoutSeconds', operation, vscode.ConfigurationTarget.Global);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

interface ViewProviderLike {
  viewProvider(): { getChildren(node?: NodeLike): Promise<NodeLike[]> };
}

describe('tree loads: timeout, cancel, refresh (against a hung sandbox)', function () {
  this.timeout(90_000);
  const facts = world();
  let api: ApiLike;

  before(async function () {
    if (!CONTROL) throw new Error('CLOUDTRAIL_KMS_E2E_SANDBOX_CONTROL is not set');
    api = await extensionApi();
  });

  afterEach(async () => {
    await control('resume');
    await setTimeouts(undefined);
  });

  it('a listing that hangs ends as a retryable error node naming the timeout; Retry loads it', async () => {
    await setTimeouts(2);
    api.trails.provider.refresh();
    const region = await path(api, facts.trails.management.name, 'Logs', 'CloudTrail', facts.region);
    api.trails.provider.refresh(region);
    await control('pause?operation=ListObjectsV2');
    const started = Date.now();
    const children = await api.trails.provider.getChildren(region);
    const seconds = (Date.now() - started) / 1000;
    assert.equal(children.length, 1, children.map(label).join(', '));
    const [error] = children;
    assert.equal(error.kind, 'error');
    assert.match(`${label(error)} ${String(error.item().tooltip)}`, /timed out|time(d)? ?out/i);
    assert.match(String(error.item().tooltip), /operationTimeoutSeconds|requestTimeoutSeconds/);
    assert.equal(description(error), 'click to retry');
    assert.equal(error.item().command?.command, 'cloudtrailKms.retry');
    assert.ok(seconds < 30, `the error came after ${seconds.toFixed(1)} s`);
    const details = await vscode.commands.executeCommand<string | undefined>('cloudtrailKms.showTreeErrorDetails', error);
    assert.equal(details, String(error.item().tooltip), 'Show Details gives the whole explanation');

    await control('resume');
    await vscode.commands.executeCommand('cloudtrailKms.retry', error);
    const again = await api.trails.provider.getChildren(region);
    assert.ok(
      again.some((node) => label(node) === facts.days[facts.days.length - 1]),
      `after Retry: ${again.map(label).join(', ')}`,
    );
  });

  it('a "Loading…" row cancels its load: the node then offers to load again', async () => {
    const region = await path(api, facts.trails.management.name, 'Logs', 'CloudTrail', facts.region);
    api.trails.provider.refresh(region);
    await control('pause?operation=ListObjectsV2');
    const shown = await (api.trails.provider as unknown as ViewProviderLike).viewProvider().getChildren(region);
    assert.equal(shown.length, 1, shown.map(label).join(', '));
    assert.equal(shown[0].kind, 'loading', `a Loading… row while the listing hangs: ${shown.map(label).join(', ')}`);
    assert.equal(shown[0].item().command?.command, 'cloudtrailKms.cancelLoading');
    await vscode.commands.executeCommand('cloudtrailKms.cancelLoading', shown[0]);
    const children = await api.trails.provider.getChildren(region);
    assert.equal(children.length, 1, children.map(label).join(', '));
    assert.equal(children[0].kind, 'error');
    assert.equal(label(children[0]), 'Loading was cancelled.');
    assert.equal(description(children[0]), 'click to load again');
  });

  it('Refresh from the title bar reloads the whole view (the top level is listed again)', async () => {
    const before = await api.trails.provider.getChildren();
    const trail = before.find((node) => label(node) === facts.trails.management.name);
    assert.ok(trail);
    await vscode.commands.executeCommand('cloudtrailKms.refresh');
    const after = await api.trails.provider.getChildren();
    const again = after.find((node) => label(node) === facts.trails.management.name);
    assert.ok(again, after.map(label).join(', '));
    assert.notEqual(again, trail, 'the top level was loaded again (new nodes), not kept');
  });
});
