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
    assert.match(description(key), /SYMMETRIC_DEFAULT · Enabled/);
    const sseS3 = await api.trails.provider.getChildren(await path(api, facts.trails.dataEvents.name));
    assert.ok(sseS3.some((node) => label(node) === 'SSE-S3: no KMS key'));
  });

  it('flags the disabled and the asymmetric key (region key list), one warning node per flag', async () => {
    const keys = await path(api, `KMS keys · ${facts.region}`);
    const children = await api.trails.provider.getChildren(keys);
    const disabled = children.find((node) => label(node) === `Key ${facts.keys.disabled.alias}`);
    const asymmetric = children.find((node) => label(node) === `Key ${facts.keys.asymmetric.alias}`);
    assert.ok(disabled && asymmetric, `keys: ${children.map(label).join(', ')}`);
    const disabledFlags = (await api.trails.provider.getChildren(disabled)).map((node) => description(node));
    const asymmetricFlags = (await api.trails.provider.getChildren(asymmetric)).map((node) => description(node));
    assert.ok(disabledFlags.includes('disabled'), `disabled key flags: ${disabledFlags.join(', ')}`);
    assert.ok(asymmetricFlags.includes('notSymmetric'), `asymmetric key flags: ${asymmetricFlags.join(', ')}`);
    const item = disabled.item();
    assert.equal((item.iconPath as { id?: string }).id, 'error');
    const healthy = children.find((node) => label(node) === `Key ${facts.keys.healthy.alias}`);
    assert.ok(healthy);
    assert.equal((healthy.item().iconPath as { id?: string }).id, 'key');
  });

  it('browses the logs: region → year → month → day (recent first) → files', async () => {
    const logs = await path(api, facts.trails.management.name, 'Logs');
    assert.equal(
      description(logs),
      `s3://${facts.trails.management.bucket}/${facts.trails.management.s3KeyPrefix}/AWSLogs/${facts.accountId}/`,
    );
    const kinds = (await api.trails.provider.getChildren(logs)).map(label);
    assert.ok(kinds.includes('CloudTrail') && kinds.includes('CloudTrail-Digest'), kinds.join(', '));
    const regions = (await api.trails.provider.getChildren(await child(api, logs, 'CloudTrail'))).map(label);
    assert.deepEqual([...regions].sort(), [...Object.keys(facts.logKeys)].sort());
    const [year, month] = facts.days[facts.days.length - 1].split('-');
    const monthNode = await path(api, facts.trails.management.name, 'Logs', 'CloudTrail', facts.region, year, month);
    const days = (await api.trails.provider.getChildren(monthNode)).map(label);
    assert.deepEqual(days, [...days].sort().reverse(), 'days are most recent first');
    for (const day of facts.days) assert.ok(days.includes(day.slice(8)), `day ${day} missing from ${days.join(', ')}`);
    const newest = facts.days[facts.days.length - 1];
    const files = await api.trails.provider.getChildren(await child(api, monthNode, newest.slice(8)));
    const expected = facts.logKeys[facts.region][newest].map((key) => key.split('/').pop());
    assert.deepEqual(files.map(label), expected);
    assert.ok(files.every((node) => node.kind === 'object' && node.item().command?.command === 'cloudtrailKms.openTreeItem'));
  });

  it('pages a folder with "Load more…" when the page size is small', async () => {
    await workspace.getConfiguration('cloudtrailKms').update('pageSize', 2, ConfigurationTarget.Global);
    try {
      const newest = facts.days[facts.days.length - 1];
      const [year, month, day] = newest.split('-');
      const dayNode = await path(api, facts.trails.management.name, 'Logs', 'CloudTrail', facts.region, year, month, day);
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
