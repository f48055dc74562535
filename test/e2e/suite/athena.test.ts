import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from '../hostHelpers';
import { queueAthenaAnswer } from '../motoFacts';
import { newestLogKeys, world } from '../worldFacts';
import { extensionApi, label, path, type ApiLike, type ResultSetLike } from './extensionApi';

interface DdlResult {
  ok: boolean;
  ddl?: string;
  database?: string;
  table?: string;
  error?: string;
}

describe('Athena: Copy Athena Table DDL (against the sandbox)', function () {
  this.timeout(60_000);
  const facts = world();
  let api: ApiLike;

  before(async () => {
    api = await extensionApi();
  });

  it("copies the trail's CREATE EXTERNAL TABLE (its bucket, prefix, account and regions) from the trail node", async () => {
    const trail = facts.trails.management;
    const node = await path(api, trail.name);
    assert.equal(label(node), trail.name);
    const result = await vscode.commands.executeCommand<DdlResult>('cloudtrailKms.copyAthenaDdl', node);
    assert.ok(result.ok && result.ddl, `command failed: ${result.error}`);
    const prefix = trail.s3KeyPrefix ? `${trail.s3KeyPrefix}/` : '';
    assert.ok(result.ddl.includes(`LOCATION 's3://${trail.bucket}/${prefix}AWSLogs/'`), result.ddl);
    assert.ok(result.ddl.includes(`'projection.account.values'='${facts.accountId}'`), result.ddl);
    assert.ok(result.ddl.includes(`${facts.region}`));
    assert.equal(await vscode.env.clipboard.readText(), result.ddl);
  });

  it('a trail ARN that is not one: a clear error, nothing copied', async () => {
    await vscode.env.clipboard.writeText('before');
    const result = await vscode.commands.executeCommand<DdlResult>('cloudtrailKms.copyAthenaDdl', { trailArn: "x'; DROP" });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /trailArn must be a trail ARN/);
    assert.equal(await vscode.env.clipboard.readText(), 'before');
  });
});

interface AthenaResult {
  ok: boolean;
  engine?: string;
  uri?: string;
  matches?: number;
  queryExecutionId?: string;
  error?: string;
}

type LogRecord = { eventTime: string; eventName: string; eventID: string };

interface SearchesLike {
  get(uri: vscode.Uri | string): { resultSet(): ResultSetLike } | undefined;
}

/** The records of a sandbox log object as the extension decrypts and shows them (opened at its first record). */
async function logRecords(bucket: string, key: string): Promise<LogRecord[]> {
  const opened = await vscode.commands.executeCommand<{ opened: boolean; uri?: string; error?: string }>('cloudtrailKms.openLogAtRecord', {
    bucket,
    key,
    recordIndex: 0,
  });
  assert.ok(opened.opened && opened.uri, `could not open s3://${bucket}/${key}: ${opened.error}`);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(opened.uri));
  return (JSON.parse(document.getText()) as { Records: LogRecord[] }).Records;
}

describe('Athena: Find Events with Athena from a trail (Athena on moto, logs on the sandbox)', function () {
  this.timeout(180_000);
  const facts = world();
  const trail = facts.trails.management;
  let searches: SearchesLike;

  before(async () => {
    searches = ((await extensionApi()) as unknown as { searches: SearchesLike }).searches;
  });

  it('shows the rows Athena returns as events sorted by time, each opening its log at that event', async () => {
    const { day, keys } = newestLogKeys(facts);
    assert.ok(keys.length >= 2, `two log objects on ${day}`);
    const [first, second] = [await logRecords(trail.bucket, keys[0]), await logRecords(trail.bucket, keys[1])];
    assert.ok(first.length >= 2 && second.length >= 1, 'records in both logs');
    // Rows as Athena gives them: in no particular order, each naming its log object ("$path").
    const chosen = [
      { record: first[first.length - 1], key: keys[0] },
      { record: second[0], key: keys[1] },
      { record: first[0], key: keys[0] },
    ];
    await queueAthenaAnswer(
      chosen.map(({ record, key }) => ({ record: record as unknown as Record<string, unknown>, logObject: `s3://${trail.bucket}/${key}` })),
    );

    const result = await vscode.commands.executeCommand<AthenaResult>('cloudtrailKms.findEventsWithAthena', {
      trailArn: trail.arn,
      query: `from:${day} to:${day}`,
    });
    assert.ok(result.ok && result.uri, `Find Events with Athena failed: ${result.error}`);
    assert.equal(result.engine, 'athena');
    assert.equal(result.matches, chosen.length);
    assert.ok(result.queryExecutionId, 'a query execution id from Athena (moto)');

    const results = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    assert.equal(results.uri.scheme, 'cloudtrail-search');
    // The document fills right after the command returns.
    await until(
      async () => (JSON.parse(results.getText()) as { Records: unknown[] }).Records.length === chosen.length,
      'the events in the results document',
    );
    const shown = (JSON.parse(results.getText()) as { Records: LogRecord[] }).Records;
    const times = shown.map((record) => record.eventTime);
    assert.deepEqual(times, [...times].sort(), 'sorted by event time');
    assert.deepEqual(shown.map((record) => record.eventID).sort(), chosen.map(({ record }) => record.eventID).sort());

    const set = searches.get(results.uri)?.resultSet();
    assert.equal(set?.kind, 'athena');
    assert.equal(set?.items.length, chosen.length);
    for (const item of set?.items ?? []) {
      const record = item.record as unknown as LogRecord;
      const from = chosen.find((entry) => entry.record.eventID === record.eventID);
      assert.ok(from, `an event Athena did not return: ${record.eventID}`);
      assert.deepEqual(item.source, { bucket: trail.bucket, key: from.key, region: facts.region });
      assert.ok(item.label.startsWith(`${record.eventName} by `), item.label);
      assert.equal(item.time, record.eventTime);
    }
    const symbols = (
      await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', results.uri)
    ).filter((symbol) => symbol.kind === vscode.SymbolKind.Event);
    assert.deepEqual(
      symbols.map((symbol) => symbol.name.split(' ').slice(0, 2).join(' ')),
      shown.map((record) => `${record.eventTime} ${record.eventName}`),
    );

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', results.uri, 200);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(titles[0]?.startsWith('$(check) 3 events'), titles.join(' | '));
    assert.ok(titles.includes('$(refresh) Run Again'), titles.join(' | '));
    const opening = lenses.filter((lens) => lens.command?.command === 'cloudtrailKms.openLogAtRecord');
    assert.equal(opening.length, chosen.length, 'a lens per event');
    // The event from the second log: its lens opens that log with the event selected.
    const target = chosen[1];
    const lens = opening.find((candidate) => (candidate.command?.arguments?.[0] as { eventID?: string }).eventID === target.record.eventID);
    assert.ok(lens?.command, titles.join(' | '));
    assert.equal(lens.command.title, `$(go-to-file) ${target.key.slice(target.key.lastIndexOf('/') + 1)}`);
    const opened = await vscode.commands.executeCommand<{ opened: boolean; uri?: string; line?: number; error?: string }>(
      'cloudtrailKms.openLogAtRecord',
      lens.command.arguments?.[0],
    );
    assert.ok(opened.opened && opened.uri && opened.line !== undefined, `not opened: ${opened.error}`);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), opened.uri);
    assert.ok(decodeURIComponent(opened.uri).includes(target.key.replace(/\.gz$/, '')), opened.uri);
    const recordText = editor!.document.getText(new vscode.Range(opened.line, 0, opened.line + 80, 0));
    const ownId = /"eventID": "([^"]+)"/.exec(recordText);
    assert.equal(ownId?.[1], target.record.eventID, 'the selected record is the event Athena returned');
  });

  it('a workgroup Athena does not have: one sentence naming it, with Open Athena Settings', async () => {
    const api = await extensionApi();
    const athena = () => vscode.workspace.getConfiguration('cloudtrailKms.athena');
    const before = api.failures().length;
    await athena().update('workgroup', 'no-such-workgroup', vscode.ConfigurationTarget.Global);
    try {
      const result = await vscode.commands.executeCommand<AthenaResult>('cloudtrailKms.findEventsWithAthena', {
        trailArn: trail.arn,
        query: `from:${newestLogKeys(facts).day}`,
      });
      assert.equal(result.ok, false);
      assert.match(result.error ?? '', /workgroup no-such-workgroup does not exist/);
    } finally {
      await athena().update('workgroup', undefined, vscode.ConfigurationTarget.Global);
    }
    const reports = api.failures();
    assert.ok(reports.length > before || reports.length === 20, 'no failure was reported');
    const report = reports[reports.length - 1];
    assert.equal(report.command, 'cloudtrailKms.findEventsWithAthena');
    assert.equal(report.shown, `The Athena query failed: The Athena workgroup no-such-workgroup does not exist in ${facts.region}.`);
    assert.deepEqual(report.actions, ['Show Details', 'Open Athena Settings']);
  });
});
