// The organization world in the Trails view (issue 15): the management account's organization trail down to a member
// account's day, a member account's view of that trail, and the log-archive reader — who may not call CloudTrail —
// pinning the bucket as a log location, browsing it and opening a member's log from it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { world } from '../worldFacts';
import { child, description, extensionApi, label, type ApiLike, type NodeLike } from './extensionApi';

interface LocationResult {
  ok: boolean;
  uri?: string;
  changed?: boolean;
  layout?: string;
  error?: string;
  cancelled?: boolean;
}

/** Switches the extension's profile and waits until the tree forgot the old one. */
async function useProfile(api: ApiLike, profile: string | undefined): Promise<void> {
  let changed = false;
  const events = (api.trails.provider as unknown as { onDidChangeTreeData: vscode.Event<unknown> }).onDidChangeTreeData;
  const watcher = events(() => (changed = true));
  await vscode.workspace.getConfiguration('cloudtrailKms').update('profile', profile, vscode.ConfigurationTarget.Global);
  for (let i = 0; i < 60 && !changed; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  watcher.dispose();
  api.trails.provider.refresh();
}

async function walk(api: ApiLike, from: NodeLike | undefined, ...names: string[]): Promise<NodeLike> {
  let node = from;
  for (const name of names) node = await child(api, node, name);
  if (!node) throw new Error('empty path');
  return node;
}

describe('organization trails and log locations (against the sandbox)', function () {
  this.timeout(90_000);
  const facts = world();
  const org = facts.organization;
  let api: ApiLike;

  before(async function () {
    if (!org) throw new Error('the sandbox was started without its organization world');
    api = await extensionApi();
  });

  after(async () => {
    await useProfile(api, 'sandbox-log-archive');
    await vscode.commands.executeCommand('cloudtrailKms.removeLogLocation', `s3://${org?.trails.organization.bucket}/`);
    await useProfile(api, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('management account: organization trail → organization → named accounts → CloudTrail → region → day → files', async () => {
    assert.ok(org);
    await useProfile(api, 'sandbox-org-admin');
    const roots = await api.trails.provider.getChildren();
    const trail = roots.find((node) => label(node) === org.trails.organization.name);
    assert.ok(trail, `roots: ${roots.map(label).join(', ')}`);
    assert.match(description(trail), /organization/);
    const organization = await child(api, trail, `Organization ${org.id}`);
    const accounts = await api.trails.provider.getChildren(organization);
    const member = org.memberAccountIds[0];
    const memberName = org.accounts.find((a) => a.id === member)?.name ?? '';
    const accountRow = accounts.find((node) => label(node) === `${member} · ${memberName}`);
    assert.ok(accountRow, `accounts named from Organizations: ${accounts.map(label).join(', ')}`);
    const management = accounts.find((node) => label(node).startsWith(`${org.managementAccountId} · `));
    assert.ok(management, accounts.map(label).join(', '));
    assert.match(description(management), /management account · your account/);
    const region = org.regions[0];
    const day = org.trails.organization.days[org.trails.organization.days.length - 1];
    const dayNode = await walk(api, accountRow, 'CloudTrail', region, day);
    const files = await api.trails.provider.getChildren(dayNode);
    const expected = org.trails.organization.logKeys[member][region][day];
    assert.equal(files.filter((node) => node.kind === 'object').length, Math.min(expected.length, 50));
    assert.match(label(files[0]), /^\d{2}:\d{2} UTC · /);
    const opened = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openTreeItem', files[0]);
    assert.ok(opened?.opened, opened?.error);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', new RegExp(`"recipientAccountId": "${member}"`));
  });

  it("member account: the organization trail is labelled as the management account's, its bucket explained", async () => {
    assert.ok(org);
    await useProfile(api, 'sandbox-member-auditor');
    const roots = await api.trails.provider.getChildren();
    const trail = roots.find((node) => label(node) === org.trails.organization.name);
    assert.ok(trail, `roots: ${roots.map(label).join(', ')}`);
    assert.match(description(trail), new RegExp(`organization trail of ${org.managementAccountId}`));
    const children = await api.trails.provider.getChildren(trail);
    const key = children.find((node) => node.kind === 'key');
    assert.ok(key, children.map(label).join(', '));
    const failed = children.find((node) => node.kind === 'error');
    assert.ok(failed, `the member may not list the bucket: ${children.map(label).join(', ')}`);
    assert.match(`${label(failed)} ${String(failed.item().tooltip)}`, /s3:ListBucket/);
  });

  it('log-archive reader: Add Log Location pins the bucket, finds the layout, opens a member log and shows its key', async () => {
    assert.ok(org);
    await useProfile(api, 'sandbox-log-archive');
    const bad = await vscode.commands.executeCommand<LocationResult | undefined>('cloudtrailKms.addLogLocation', 'http://example.com/x');
    assert.notEqual(bad?.ok, true, 'a non-S3 text is refused');
    assert.ok(!(await api.trails.provider.getChildren()).some((node) => node.kind === 'location'), 'nothing pinned by bad input');

    const bucket = org.trails.organization.bucket;
    const added = await vscode.commands.executeCommand<LocationResult>('cloudtrailKms.addLogLocation', `s3://${bucket}`);
    assert.ok(added.ok, added.error);
    assert.equal(added.uri, `s3://${bucket}/`);
    assert.match(added.layout ?? '', new RegExp(`organization ${org.id}`));

    const roots = await api.trails.provider.getChildren();
    const cloudTrailRefused = roots.find((node) => node.kind === 'error');
    assert.ok(cloudTrailRefused, `CloudTrail refused shows as an error row: ${roots.map(label).join(', ')}`);
    const location = roots.find((node) => node.kind === 'location');
    assert.ok(location, roots.map(label).join(', '));
    const under = await api.trails.provider.getChildren(location);
    const organization = under.find((node) => label(node) === `Organization ${org.id}`);
    assert.ok(organization, under.map(label).join(', '));
    const accounts = await api.trails.provider.getChildren(organization);
    const member = org.memberAccountIds[0];
    assert.ok(
      accounts.some((node) => label(node) === 'Accounts shown by id: their names are not readable here'),
      `the fallback is explained: ${accounts.map(label).join(', ')}`,
    );
    const accountRow = accounts.find((node) => label(node) === member);
    assert.ok(accountRow, accounts.map(label).join(', '));
    const region = org.regions[0];
    const day = org.trails.organization.days[org.trails.organization.days.length - 1];
    const files = await api.trails.provider.getChildren(await walk(api, accountRow, 'CloudTrail', region, day));
    const opened = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openTreeItem', files[0]);
    assert.ok(opened?.opened, opened?.error);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', new RegExp(`"recipientAccountId": "${member}"`));

    // The key that decrypted the file shows under the location (it may take the decryption's event to arrive).
    let keyRow: NodeLike | undefined;
    for (let i = 0; i < 100 && !keyRow; i++) {
      keyRow = (await api.trails.provider.getChildren(location)).find((node) => node.kind === 'key');
      if (!keyRow) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(keyRow, 'the key that decrypted a file of the location is shown');
    assert.match(description(keyRow), /decrypted 1 file here/);
    assert.ok(String(keyRow.keyArn).includes(`:${org.managementAccountId}:key/`), String(keyRow.keyArn));

    // Pinned per profile: there after a full reload, not under another profile.
    api.trails.provider.refresh();
    assert.ok(
      (await api.trails.provider.getChildren()).some((node) => node.kind === 'location'),
      'kept after a reload',
    );
    await useProfile(api, 'sandbox-org-admin');
    assert.ok(!(await api.trails.provider.getChildren()).some((node) => node.kind === 'location'), 'not pinned for another profile');
  });
});
