import * as assert from 'node:assert/strict';
import { commands, ConfigurationTarget, workspace } from 'vscode';
import { world } from '../worldFacts';
import { child, description, extensionApi, label, path, type ApiLike } from './extensionApi';

describe('trails tree (against the sandbox)', function () {
  this.timeout(60_000);
  const facts = world();
  let api: ApiLike;

  before(async () => {
    api = await extensionApi();
  });

  it('lists the seeded trails with region, logging state and encryption', async () => {
    const roots = await api.trails.provider.getChildren();
    const trails = roots.filter((node) => node.kind === 'trail');
    assert.deepEqual(trails.map(label).sort(), [facts.trails.dataEvents.name, facts.trails.management.name].sort());
    const management = trails.find((node) => label(node) === facts.trails.management.name);
    const dataEvents = trails.find((node) => label(node) === facts.trails.dataEvents.name);
    assert.ok(management && dataEvents);
    assert.match(description(management), new RegExp(`^${facts.region} · logging · SSE-KMS`));
    assert.match(description(dataEvents), /SSE-S3/);
    // Menus key on these: Check Key Policy is offered only where there is a key policy to check.
    assert.equal(management.item().contextValue, 'trailKms');
    assert.equal(dataEvents.item().contextValue, 'trail');
  });

  it("shows the management trail's key: alias, key spec, state", async () => {
    const children = await api.trails.provider.getChildren(await path(api, facts.trails.management.name));
    const key = children.find((node) => node.kind === 'key');
    assert.ok(key, `no key node among ${children.map(label).join(', ')}`);
    assert.equal(label(key), `Key ${facts.keys.healthy.alias}`);
    assert.equal(description(key), 'symmetric · enabled · rotation on', 'words, not KMS codes');
    const sseS3 = await api.trails.provider.getChildren(await path(api, facts.trails.dataEvents.name));
    assert.ok(sseS3.some((node) => label(node) === 'SSE-S3: no KMS key'));
  });

  it('flags the disabled and the asymmetric key (region key list), one warning node per flag', async () => {
    const keys = await path(api, `KMS keys · ${facts.region}`);
    const children = await api.trails.provider.getChildren(keys);
    const disabled = children.find((node) => label(node) === `Key ${facts.keys.disabled.alias}`);
    const asymmetric = children.find((node) => label(node) === `Key ${facts.keys.asymmetric.alias}`);
    assert.ok(disabled && asymmetric, `keys: ${children.map(label).join(', ')}`);
    const disabledFlags = (await api.trails.provider.getChildren(disabled)).map(label);
    const asymmetricFlags = (await api.trails.provider.getChildren(asymmetric)).map(label);
    assert.ok(disabledFlags.includes('Key disabled'), `disabled key flags: ${disabledFlags.join(', ')}`);
    assert.ok(asymmetricFlags.includes('Not a symmetric key'), `asymmetric key flags: ${asymmetricFlags.join(', ')}`);
    const flagRows = await api.trails.provider.getChildren(disabled);
    for (const row of flagRows) assert.doesNotMatch(`${label(row)} ${description(row)}`, /rotationDisabled|notSymmetric|pendingDeletion/);
    assert.match(description(disabled), /disabled/);
    const item = disabled.item();
    assert.equal((item.iconPath as { id?: string }).id, 'error');
    const healthy = children.find((node) => label(node) === `Key ${facts.keys.healthy.alias}`);
    assert.ok(healthy);
    assert.equal((healthy.item().iconPath as { id?: string }).id, 'key');
  });

  it('browses the logs: region → days (newest first) → files (newest first, delivery time first)', async () => {
    const logs = await path(api, facts.trails.management.name, 'Logs');
    assert.equal(
      description(logs),
      `s3://${facts.trails.management.bucket}/${facts.trails.management.s3KeyPrefix}/AWSLogs/${facts.accountId}/`,
    );
    const kinds = (await api.trails.provider.getChildren(logs)).map(label);
    assert.deepEqual(kinds.slice(0, 2), ['CloudTrail', 'CloudTrail-Digest'], kinds.join(', '));
    const regions = (await api.trails.provider.getChildren(await child(api, logs, 'CloudTrail'))).map(label);
    assert.deepEqual([...regions].sort(), [...Object.keys(facts.logKeys)].sort());
    const regionNode = await path(api, facts.trails.management.name, 'Logs', 'CloudTrail', facts.region);
    const days = await api.trails.provider.getChildren(regionNode);
    const dayLabels = days.map(label);
    assert.deepEqual(dayLabels, [...dayLabels].sort().reverse(), 'days are newest first');
    for (const day of facts.days) assert.ok(dayLabels.includes(day), `day ${day} missing from ${dayLabels.join(', ')}`);
    const newest = facts.days[facts.days.length - 1];
    assert.equal(dayLabels[0], newest);
    assert.match(description(days[0]), /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/);
    const files = await api.trails.provider.getChildren(await child(api, regionNode, newest));
    const times = facts.logKeys[facts.region][newest].map((key) => /_\d{8}T(\d{2})(\d{2})Z_/.exec(key)?.slice(1, 3).join(':'));
    assert.deepEqual(
      files.map((node) => label(node).split(' UTC · ')[0]),
      [...times].reverse(),
      'files newest first, labelled by delivery time',
    );
    for (const node of files) {
      assert.match(label(node), /^\d{2}:\d{2} UTC · \d+(\.\d)? (B|KiB|MiB)$/);
      const item = node.item();
      assert.match(String(item.tooltip), new RegExp(`s3://${facts.trails.management.bucket}/\\S+\\.json\\.gz`), 'full key in the tooltip');
      assert.match(item.accessibilityInformation?.label ?? '', /^Log file delivered at \d{2}:\d{2} UTC on \w+day \d+ \w+ \d{4}, /);
      assert.equal(item.command?.command, 'cloudtrailKms.openTreeItem');
    }
  });

  it('pages a folder with "Load more…" when the page size is small', async () => {
    await workspace.getConfiguration('cloudtrailKms').update('pageSize', 2, ConfigurationTarget.Global);
    try {
      const newest = facts.days[facts.days.length - 1];
      const dayNode = await path(api, facts.trails.management.name, 'Logs', 'CloudTrail', facts.region, newest);
      api.trails.provider.refresh(dayNode);
      const first = await api.trails.provider.getChildren(dayNode);
      assert.equal(first.length, 3, `two files and Load more…: ${first.map(label).join(', ')}`);
      const more = first[2];
      assert.equal(label(more), 'Load more…');
      await commands.executeCommand('cloudtrailKms.loadMore', more);
      const second = await api.trails.provider.getChildren(dayNode);
      assert.equal(second.filter((node) => node.kind === 'object').length, Math.min(4, facts.logKeys[facts.region][newest].length));
    } finally {
      await workspace.getConfiguration('cloudtrailKms').update('pageSize', undefined, ConfigurationTarget.Global);
    }
  });
});
