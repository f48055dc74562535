import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { until } from '../hostHelpers';
import { sandboxControl } from '../sandboxControl';
import { world } from '../worldFacts';
import { commandLinks, extensionApi, hoverText, positionOf } from './extensionApi';

interface FindEventsResult {
  ok: boolean;
  uri?: string;
  matches?: number;
  filesPlanned?: number;
  filesRead?: number;
  failures?: number;
  cancelled?: boolean;
  error?: string;
}

interface SearchesLike {
  get(
    uri: vscode.Uri | string,
  ): { resultSet(): { kind: string; items: { source?: { key: string; recordIndex?: number }; record?: unknown }[] } } | undefined;
}

type Record = { eventTime: string; eventName: string; eventID: string; userIdentity?: { accessKeyId?: string } };

describe('Find Events (against the sandbox)', function () {
  // Searches against the sandbox on a shared 2-core machine: minutes under load, seconds when quiet.
  this.timeout(300_000);
  const facts = world();
  const trail = facts.trails.management;
  const days = [...facts.days].sort();
  const query = `trail:${trail.arn} from:${days[0]} to:${days[days.length - 1]} name:Decrypt`;
  let searches: SearchesLike;
  let results: vscode.TextDocument;

  before(async () => {
    searches = ((await extensionApi()) as unknown as { searches: SearchesLike }).searches;
  });

  it('runs a query: the results fill a read-only CloudTrail JSON document sorted by event time, with hovers, outline and lenses', async () => {
    const result = await vscode.commands.executeCommand<FindEventsResult>('cloudtrailKms.findEvents', { query });
    assert.ok(result.ok && result.uri, `Find Events failed: ${result.error}`);
    assert.ok((result.matches ?? 0) > 0, 'the management trail logs hold Decrypt calls');
    assert.equal(result.failures, 0);
    results = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    // The document fills while the search runs; its last text arrives right after the command returns.
    await until(
      async () => (JSON.parse(results.getText()) as { Records: unknown[] }).Records.length === result.matches,
      `the ${result.matches} results in the document`,
      90_000,
    );
    assert.equal(results.uri.scheme, 'cloudtrail-search');
    assert.equal(results.languageId, 'json');
    const records = (JSON.parse(results.getText()) as { Records: Record[] }).Records;
    assert.equal(records.length, result.matches);
    assert.ok(records.every((record) => record.eventName === 'Decrypt'));
    const times = records.map((record) => record.eventTime);
    assert.deepEqual(times, [...times].sort(), 'sorted by event time');
    assert.ok(
      times.every((time) => time >= days[0] && time < `${days[days.length - 1]}T99`),
      'inside the range',
    );

    const hover = await hoverText(results.uri, positionOf(results, '"eventName"'));
    assert.match(hover, /eventName/);
    // The JSON language features add their own outline entry ("Records"): ours are the Event symbols.
    const symbols = (
      await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', results.uri)
    ).filter((symbol) => symbol.kind === vscode.SymbolKind.Event);
    assert.equal(symbols.length, records.length, 'one outline entry per record');
    assert.ok(symbols[0].name.startsWith(`${records[0].eventTime} Decrypt`), symbols[0].name);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', results.uri, 200);
    const titles = lenses.map((lens) => lens.command?.title ?? '');
    assert.ok(
      titles.some((title) => /\d+ events? in \d+ of \d+ files/.test(title)),
      titles.join(' | '),
    );
    assert.ok(titles.includes('$(refresh) Run Again') && titles.includes('$(save) Save Results…'));
    assert.equal(titles.filter((title) => title.includes('· record ')).length, records.length, 'a lens per record');

    const set = searches.get(results.uri)?.resultSet();
    assert.equal(set?.kind, 'search');
    assert.equal(set?.items.length, records.length);
    assert.ok(set?.items.every((item) => item.source && typeof item.source.recordIndex === 'number' && item.record));
  });

  it('opens a result’s log file at its record', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', results.uri, 200);
    const records = (JSON.parse(results.getText()) as { Records: Record[] }).Records;
    const last = lenses.filter((lens) => lens.command?.command === 'cloudtrailKms.openLogAtRecord').pop();
    assert.ok(last?.command?.arguments?.[0], 'no record lens');
    const opened = await vscode.commands.executeCommand<{ opened: boolean; uri?: string; line?: number; error?: string }>(
      'cloudtrailKms.openLogAtRecord',
      last.command.arguments[0],
    );
    assert.ok(opened.opened && opened.uri && opened.line !== undefined, `not opened: ${opened.error}`);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), opened.uri);
    assert.equal(editor?.selection.active.line, opened.line);
    const recordText = editor!.document.getText(new vscode.Range(opened.line, 0, opened.line + 80, 0));
    assert.ok(recordText.includes(records[records.length - 1].eventID), 'the selected record is the result');
    const forged = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openLogAtRecord', {
      bucket: trail.bucket,
      key: 'x.json.gz',
      recordIndex: -1,
    });
    assert.equal(forged.opened, false);
  });

  it('a hover link in the results finds the events of that access key', async () => {
    // The previous test opened a log in the results' editor: show the results again (reopened if VS Code closed them).
    results = (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(results.uri))).document;
    // The first result signed with an access key (service-made calls carry an empty one).
    const signed = /"accessKeyId": "(A[KS]IA[A-Z0-9]{12,})"/.exec(results.getText());
    assert.ok(signed, 'a result with an access key');
    const accessKey = signed[1];
    const at = signed.index + '"accessKeyId": "'.length;
    const hover = await hoverText(results.uri, results.positionAt(at + 2));
    assert.match(hover, /Find events with this access key/);
    const link = commandLinks(hover).find((candidate) => candidate.command === 'cloudtrailKms.findEventsFromLink');
    assert.ok(link, hover);
    assert.deepEqual((link.args[0] as { field: string; value: string }).value, accessKey);
    const running = vscode.commands.executeCommand<FindEventsResult>('cloudtrailKms.findEventsFromLink', ...link.args);
    // The query box opens prefilled (around the record, where the results came from); accept it as it is.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.ok(result.ok && result.uri, `the link's search failed: ${result.error}`);
    assert.ok((result.matches ?? 0) > 0, 'the access key signed the Decrypt call it came from');
    const linked = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    // As above: the document's last text arrives right after the command returns.
    await until(
      async () => (JSON.parse(linked.getText()) as { Records: unknown[] }).Records.length === result.matches,
      `the ${result.matches} results of the link's search`,
      90_000,
    );
    const found = (JSON.parse(linked.getText()) as { Records: Record[] }).Records;
    assert.ok(found.every((record) => record.userIdentity?.accessKeyId === accessKey));
  });

  it('saves the results as JSON Lines (each result with its source) and as CloudTrail JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-events-save-'));
    try {
      const lines = await vscode.commands.executeCommand<{ ok: boolean; results: number; format: string }>(
        'cloudtrailKms.saveSearchResults',
        results.uri,
        join(dir, 'results.jsonl'),
      );
      assert.deepEqual(lines, { ok: true, path: join(dir, 'results.jsonl'), format: 'jsonl', results: lines.results });
      const saved = readFileSync(join(dir, 'results.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { source?: { key: string; recordIndex: number }; record?: Record });
      const records = (JSON.parse(results.getText()) as { Records: Record[] }).Records;
      assert.equal(saved.length, records.length);
      assert.deepEqual(new Set(saved.map((item) => item.record?.eventID)), new Set(records.map((record) => record.eventID)));
      assert.ok(saved.every((item) => item.source?.key.endsWith('.json.gz') && item.source.recordIndex >= 0));
      await vscode.commands.executeCommand('cloudtrailKms.saveSearchResults', results.uri, join(dir, 'results.json'));
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')), JSON.parse(results.getText()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad query is refused at its bad token, before any request', async () => {
    const before = await sandboxControl.requests();
    const open = vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'cloudtrail-search').length;
    const result = await vscode.commands.executeCommand<FindEventsResult>('cloudtrailKms.findEvents', {
      query: `trail:${trail.arn} from:${days[0]} nmae:Decrypt`,
    });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /nmae/);
    assert.equal(await sandboxControl.requests(), before, 'no request to AWS');
    assert.equal(
      vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'cloudtrail-search').length,
      open,
      'no results document',
    );
  });

  it('cancel stops the search and every request to AWS', async () => {
    await sandboxControl.pause('GetObject');
    try {
      const running = vscode.commands.executeCommand<FindEventsResult>('cloudtrailKms.findEvents', { query });
      await until(async () => (await sandboxControl.held()) > 0, 'a held GetObject');
      const cancelled = await vscode.commands.executeCommand<{ ok: boolean; cancelled: boolean }>('cloudtrailKms.cancelSearch');
      assert.deepEqual(cancelled, { ok: true, cancelled: true });
      const result = await running;
      assert.equal(result.cancelled, true, JSON.stringify(result));
      assert.equal(result.filesRead, 0);
      // The search's own requests (other parts of the extension may ask AWS about keys and trails meanwhile).
      const searchRequests = async () => (await sandboxControl.requests('GetObject')) + (await sandboxControl.requests('ListObjectsV2'));
      // A request sent just before the cancel may reach the sandbox (and be counted) a moment after it: count from
      // when those have arrived, then nothing more may come.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const count = await searchRequests();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await searchRequests(), count, 'no request of the search after the cancel');
    } finally {
      await sandboxControl.resume();
    }
  });
});
