import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxControl } from '../sandboxControl';
import { newestLogKeys, world } from '../worldFacts';
import { commandLinks, extensionApi, hoverText, positionOf } from './extensionApi';

function logUri(bucket: string, key: string, query: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'cloudtrail-log', path: `/${bucket}/${key.replace(/\.gz$/, '')}`, query });
}

/** Sets the extension's profile and waits until the extension saw the change (its listener runs before ours). */
async function switchProfile(profile: string | undefined): Promise<void> {
  let seen: () => void = () => undefined;
  const changed = new Promise<void>((resolve) => (seen = resolve));
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('cloudtrailKms.profile')) seen();
  });
  try {
    await vscode.workspace.getConfiguration('cloudtrailKms').update('profile', profile, vscode.ConfigurationTarget.Global);
    await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  } finally {
    listener.dispose();
  }
}

/** Runs `body` with the extension's profile set to `profile`, then the default chain again. */
async function asProfile<T>(profile: string, body: () => Promise<T>): Promise<T> {
  await switchProfile(profile);
  try {
    return await body();
  } finally {
    await switchProfile(undefined);
  }
}

async function openLog(bucket: string, key: string): Promise<vscode.TextDocument> {
  const result = await vscode.commands.executeCommand<{ opened: boolean; uri?: string; error?: string }>('cloudtrailKms.openLog', {
    bucket,
    key,
  });
  assert.ok(result?.opened, `opening s3://${bucket}/${key} failed: ${result?.error}`);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
  assert.ok(document, 'the opened document is not among the text documents');
  return document;
}

describe('decrypted log documents, hovers and links (against the sandbox)', function () {
  this.timeout(90_000);
  const facts = world();
  const bucket = facts.trails.management.bucket;
  /** A newest-day log holding a GenerateDataKey whose aws:s3:arn names another log object. */
  let kmsLog: vscode.TextDocument;

  before(async () => {
    await extensionApi();
    for (const key of newestLogKeys(facts).keys) {
      const document = await openLog(bucket, key);
      if (/"eventName": "GenerateDataKey"/.test(document.getText()) && document.getText().includes('"aws:s3:arn"')) {
        kmsLog = document;
        return;
      }
    }
    throw new Error('no newest-day log holds a GenerateDataKey with aws:s3:arn');
  });

  it('opens a log as pretty JSON in a read-only document', () => {
    assert.equal(kmsLog.languageId, 'json');
    assert.ok(kmsLog.uri.path.endsWith('.json'));
    assert.match(kmsLog.getText(), /^\{\n {2}"Records": \[\n {4}\{\n/);
    assert.equal(vscode.workspace.fs.isWritableFileSystem('cloudtrail-log'), false);
  });

  it('refuses to write the decrypted document anywhere', async () => {
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(kmsLog.uri, new Uint8Array([1]))),
      /evidence|read-only|readonly|NoPermissions/i,
    );
  });

  it('explains encryptionContext and links the trail, the log object and the key', async () => {
    const text = await hoverText(kmsLog.uri, positionOf(kmsLog, '"encryptionContext"'));
    assert.match(text, /Encryption context/);
    const links = commandLinks(text);
    const commands = links.map((link) => link.command);
    assert.ok(commands.includes('cloudtrailKms.revealTrail'), `links: ${commands.join(', ')}`);
    assert.ok(commands.includes('cloudtrailKms.revealKey'), `links: ${commands.join(', ')}`);
    assert.ok(
      commands.includes('cloudtrailKms.openLog') || commands.includes('cloudtrailKms.revealS3Prefix'),
      `links: ${commands.join(', ')}`,
    );
  });

  it('explains aws:s3:arn and its link opens that very log object', async () => {
    const text = await hoverText(kmsLog.uri, positionOf(kmsLog, '"aws:s3:arn"', 3));
    assert.match(text, /S3/);
    const open = commandLinks(text).find((link) => link.command === 'cloudtrailKms.openLog');
    assert.ok(open, `no open link in: ${text}`);
    const target = open.args[0] as { bucket: string; key: string };
    const result = await vscode.commands.executeCommand<{ opened: boolean; uri: string; error?: string }>(open.command, ...open.args);
    assert.ok(result.opened, result.error);
    const opened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.ok(opened?.uri.path.endsWith(`${target.key.replace(/\.gz$/, '')}`));
    assert.match(opened?.getText() ?? '', /"Records"/);
  });

  it('the trail link reveals that trail in the tree', async () => {
    const text = await hoverText(kmsLog.uri, positionOf(kmsLog, '"encryptionContext"'));
    const reveal = commandLinks(text).find((link) => link.command === 'cloudtrailKms.revealTrail');
    assert.ok(reveal);
    const result = await vscode.commands.executeCommand<{ revealed: boolean; node?: string }>(reveal.command, ...reveal.args);
    assert.deepEqual(result, { revealed: true, node: `trail ${facts.trails.management.arn}` });
    const key = await vscode.commands.executeCommand<{ revealed: boolean; node?: string }>('cloudtrailKms.revealKey', {
      arn: facts.keys.healthy.arn,
    });
    assert.equal(key.revealed, true);
    assert.match(key.node ?? '', /^key /);
  });

  it('says on the first line which KMS key decrypted the document', async () => {
    const text = await hoverText(kmsLog.uri, new vscode.Position(0, 0));
    assert.match(text, /Decrypted with KMS key/);
    assert.ok(text.includes(facts.keys.healthy.keyId), text);
  });

  it('explains invokedBy and eventType', async () => {
    assert.match(await hoverText(kmsLog.uri, positionOf(kmsLog, '"invokedBy"')), /Service that made the request/);
    assert.match(await hoverText(kmsLog.uri, positionOf(kmsLog, '"eventType"')), /Kind of event/);
  });

  it('refuses a forged link argument', async () => {
    const result = await vscode.commands.executeCommand<{ revealed: boolean; message?: string }>('cloudtrailKms.revealTrail', {
      arn: '[x](command:workbench.action.terminal.new)',
    });
    assert.equal(result.revealed, false);
    assert.match(result.message ?? '', /Not a trail ARN/);
    const open = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openLog', {
      bucket: '../etc',
      key: 'passwd',
    });
    assert.equal(open.opened, false);
    assert.match(open.error ?? '', /Not an S3 bucket name/);
  });

  it('gives the record outline', async () => {
    // JSON's own provider adds its `Records` symbol; ours are the Event symbols.
    const symbols = (
      await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', kmsLog.uri)
    ).filter((symbol) => symbol.kind === vscode.SymbolKind.Event);
    const records = (JSON.parse(kmsLog.getText()) as { Records: { eventTime: string; eventName: string }[] }).Records;
    assert.equal(symbols.length, records.length);
    assert.ok(symbols[0].name.startsWith(`${records[0].eventTime} ${records[0].eventName}`), symbols[0].name);
    assert.ok(symbols.some((symbol) => symbol.name.includes('GenerateDataKey')));
  });

  it('makes ARNs clickable links to our commands', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', kmsLog.uri);
    const targets = links.map((link) => link.target?.toString(true) ?? '');
    assert.ok(targets.length > 0);
    assert.ok(
      targets.every((target) => target.startsWith('command:cloudtrailKms.openTarget?')),
      targets[0],
    );
  });

  it('opens an s3:// URI pasted into Open S3 URI or ARN…', async () => {
    const key = newestLogKeys(facts).keys[0];
    const result = await vscode.commands.executeCommand<{ opened: boolean; uri?: string }>(
      'cloudtrailKms.openS3Location',
      `s3://${bucket}/${key}`,
    );
    assert.equal(result.opened, true);
    const bad = await vscode.commands.executeCommand<{ opened: boolean; error?: string }>('cloudtrailKms.openS3Location', 'not a location');
    assert.equal(bad.opened, false);
  });

  it('one document per object: the same log opened from a link, a pasted URI and an older URI form shows one tab', async () => {
    const key = newestLogKeys(facts).keys[2];
    const tabsOf = (uri: string) =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => (tab.input as { uri?: vscode.Uri })?.uri?.toString() === uri);
    const first = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openLog', {
      bucket,
      key,
      region: facts.region,
    });
    assert.ok(first.opened);
    assert.equal(first.uri, logUri(bucket, key, '').toString(), 'the URI names only the object');
    const pasted = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>(
      'cloudtrailKms.openS3Location',
      `s3://${bucket}/${key}`,
    );
    const linked = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openLog', { bucket, key });
    assert.deepEqual([pasted.uri, linked.uri], [first.uri, first.uri]);
    assert.equal(tabsOf(first.uri).length, 1);
    // A tab of an older URI form (with the region) is the object's tab too.
    const otherKey = newestLogKeys(facts).keys[3];
    const legacy = logUri(bucket, otherKey, `region=${facts.region}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(legacy), { preview: false });
    const again = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openLog', {
      bucket,
      key: otherKey,
    });
    assert.equal(again.uri, legacy.toString());
    assert.equal(tabsOf(logUri(bucket, otherKey, '').toString()).length, 0);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), legacy.toString());
    // A tab that another profile's credentials decrypted is not: the settings' profile reads the object again. Such a
    // tab (a link naming a profile) is read only after the user agreed to that profile or switched to it.
    const thirdKey = newestLogKeys(facts).keys[4] ?? newestLogKeys(facts).keys[1];
    const named = logUri(bucket, thirdKey, 'profile=sandbox-admin');
    // Read as the current profile: a URI naming another one is read only after the user agreed (see below).
    await asProfile('sandbox-admin', async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(named), { preview: false });
    });
    const own = await vscode.commands.executeCommand<{ opened: boolean; uri: string }>('cloudtrailKms.openLog', { bucket, key: thirdKey });
    assert.ok(own.opened);
    assert.equal(own.uri, logUri(bucket, thirdKey, '').toString());
    assert.equal(tabsOf(named.toString()).length, 1, "the other profile's tab stays as it was");
  });

  it('explains why the auditor cannot decrypt: kms:Decrypt on the trail key', async () => {
    const key = newestLogKeys(facts).keys[0];
    const uri = logUri(bucket, key, `region=${facts.region}&profile=sandbox-auditor`);
    await asProfile('sandbox-auditor', () =>
      assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), (error: Error) => {
        assert.match(error.message, /kms:Decrypt/);
        assert.match(error.message, new RegExp(facts.keys.healthy.keyId));
        return true;
      }),
    );
  });

  it('does not decrypt with a profile a URI names until the user agrees: unanswered, nothing is read', async () => {
    // sandbox-org-admin: a profile no earlier test of this window switched to. VS Code refuses to show dialogs while
    // extension tests run, so the modal question cannot be answered here: deterministically the unanswered path.
    const key = newestLogKeys(facts).keys[5] ?? newestLogKeys(facts).keys[0];
    const uri = logUri(bucket, key, `region=${facts.region}&profile=sandbox-org-admin`);
    const reads = await sandboxControl.requests('GetObject');
    const refused = (error: Error) => {
      assert.match(error.message, /names the AWS profile "sandbox-org-admin", not your current profile/);
      assert.match(error.message, /could not ask/);
      assert.match(error.message, /Select Profile/);
      return true;
    };
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), refused);
    // Not remembered as a "no": the next read asks again (and is refused again here), never reads silently.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(uri)), refused);
    assert.equal(await sandboxControl.requests('GetObject'), reads, 'no object was read with the named profile');
    // Switching to the profile is consent: back on the default chain, its documents are read without a question.
    await asProfile('sandbox-org-admin', async () => undefined);
    const outcome = await Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
      () => 'read',
      (error: Error) => error.message,
    );
    assert.doesNotMatch(outcome, /Not decrypted|could not ask/);
    assert.ok((await sandboxControl.requests('GetObject')) > reads, 'read with sandbox-org-admin after the switch');
  });

  it('explains a log whose key is disabled', async () => {
    const uri = logUri(bucket, facts.objects.disabledKeyLog, `region=${facts.region}`);
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), /disabled/);
  });
});
