/**
 * The command wrapper: every command's failure is logged (the whole explanation, with its area) and shown as one
 * sentence with the actions that apply — Show Details always, Copy Policy Statement for a denial, Select Profile… for
 * credentials and denials, Retry for what may pass (the network). Each contributed command is either made to fail
 * here for real (a missing object, a forged argument, the auditor's profile, a dead endpoint, a missing profile) or
 * listed with the reason it has no failure of its own; a new command must join one list or the other.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../hostHelpers';
import { newestLogKeys, world } from '../worldFacts';
import { extensionApi, type ApiLike, type NodeLike } from './extensionApi';

/** The tree node of a log object, found by the nodes' own fields (trail ARN, folder prefixes, object key), not labels. */
async function objectNode(api: ApiLike, trailArn: string, key: string): Promise<NodeLike> {
  let level = await api.trails.provider.getChildren();
  for (let depth = 0; depth < 14; depth++) {
    const found = level.find((node) => node.kind === 'object' && (node.object as { key?: string }).key === key);
    if (found) return found;
    const next = level.filter(
      (node) =>
        (node.kind === 'trail' && (node.trail as { arn?: string }).arn === trailArn) ||
        (node.kind === 'folder' && key.startsWith(String(node.prefix))),
    );
    level = (await Promise.all(next.map((node) => api.trails.provider.getChildren(node)))).flat();
  }
  throw new Error(`no tree node for ${key}`);
}

/** Commands that cannot fail by themselves, and why. */
const NO_FAILURE_OF_THEIR_OWN: Record<string, string> = {
  'cloudtrailKms.refresh': 'the Trails view shows failures as error nodes that retry on click',
  'cloudtrailKms.loadMore': 'the Trails view shows failures as error nodes',
  'cloudtrailKms.retry': 'the Trails view shows failures as error nodes',
  'cloudtrailKms.selectProfile': 'a quick pick that writes a setting',
  'cloudtrailKms.selectRegions': 'a quick pick that writes a setting',
  'cloudtrailKms.copyArn': 'copies what the tree already holds',
  'cloudtrailKms.copyS3Uri': 'copies what the tree already holds',
  'cloudtrailKms.openInConsole': 'opens a URL built from what the tree holds',
  'cloudtrailKms.showSandboxHelp': 'shows a fixed text',
  'cloudtrailKms.openLogFile': 'a wizard of quick picks; its AWS calls are those of the Trails view and openLog',
  'cloudtrailKms.openResultsDocument': 'renders what the Results view holds',
  'cloudtrailKms.clearResults': 'empties the Results view',
  'cloudtrailKms.stopResults': 'aborts a running set',
  'cloudtrailKms.removeResults': 'drops a set from the view',
  'cloudtrailKms.cancelLoading': 'cancels a loading row of the Trails view',
  'cloudtrailKms.showTreeErrorDetails': 'shows the log with what an error row of the Trails view holds',
};

interface Case {
  command: string;
  /** Runs the command so that it fails. */
  run(): Thenable<unknown>;
  /** What the notification starts with, and a part of its sentence. */
  shown: RegExp;
  /** The log line's area and a part of the explanation only the log (Show Details) has. */
  logged: RegExp;
  actions: string[];
}

describe('the command wrapper: every failure logged and shown with its actions', function () {
  this.timeout(180_000);
  const facts = world();
  const bucket = facts.trails.management.bucket;
  const missing = `AWSLogs/${facts.accountId}/CloudTrail/${facts.region}/2026/11/26/no-such-file.json.gz`;
  const settings = () => vscode.workspace.getConfiguration('cloudtrailKms');
  let api: ApiLike;
  let endpoint: string | undefined;

  before(async () => {
    api = await extensionApi();
    endpoint = settings().get<string>('endpointUrl');
  });

  after(async () => {
    await settings().update('profile', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('endpointUrl', endpoint, vscode.ConfigurationTarget.Global);
  });

  async function expectFailure(c: Case): Promise<void> {
    const before = api.failures().length;
    await c.run();
    const reports = api.failures();
    const report = reports[reports.length - 1];
    assert.ok(reports.length > before || (reports.length === 20 && report.command === c.command), `${c.command}: no failure was reported`);
    assert.equal(report.command, c.command);
    assert.match(report.shown, c.shown, `${c.command}: shown "${report.shown}"`);
    assert.ok(!report.shown.includes('\n') && report.shown.length < 300, `${c.command}: not one short sentence: ${report.shown}`);
    assert.doesNotMatch(report.shown, /cloudtrail-log:|FileSystemError|--profile|--region|`ls`/, `${c.command}: internal or CLI wording`);
    assert.match(report.logged, c.logged, `${c.command}: logged "${report.logged}"`);
    assert.deepEqual(report.actions, c.actions, c.command);
  }

  it('covers every contributed command: each fails for real below, or has no failure of its own', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } };
    // openTreeItem and loadMoreResults fail against a dead endpoint (the last test).
    const tested = new Set([
      ...FAILING.map((c) => c.command),
      ...Object.keys(NO_FAILURE_OF_THEIR_OWN),
      'cloudtrailKms.openTreeItem',
      'cloudtrailKms.loadMoreResults',
    ]);
    const contributed = manifest.contributes.commands.map((entry) => entry.command);
    assert.deepEqual(
      contributed.filter((command) => !tested.has(command)),
      [],
      'commands whose failure is not tested',
    );
  });

  // Made to fail with the default profile and the sandbox.
  const FAILING: Case[] = [];
  const add = (c: Case) => FAILING.push(c);
  add({
    command: 'cloudtrailKms.openLog',
    run: () => vscode.commands.executeCommand('cloudtrailKms.openLog', { bucket, key: missing }),
    shown: /^Could not open the log file: There is no object s3:\/\/.*no-such-file\.json\.gz\.$/,
    logged: /^\[s3\] Could not open the log file: There is no object .* Open the day in the Trails view/,
    actions: ['Show Details'],
  });
  add({
    command: 'cloudtrailKms.openS3Location',
    run: () => vscode.commands.executeCommand('cloudtrailKms.openS3Location', 'not a location'),
    shown: /^Could not open the log file: Not an S3 URI or ARN: not a location$/,
    logged: /^\[s3\] Could not open the log file: Not an S3 URI or ARN/,
    actions: ['Show Details'],
  });
  add({
    command: 'cloudtrailKms.openTarget',
    run: () => vscode.commands.executeCommand('cloudtrailKms.openTarget', { kind: 'javascript', url: 'x' }),
    shown: /^Could not open the log file: This link names nothing the CloudTrail view can show\.$/,
    logged: /^\[s3\] /,
    actions: ['Show Details'],
  });
  for (const reveal of ['revealTrail', 'revealKey', 'revealS3Prefix', 'revealS3Object']) {
    add({
      command: `cloudtrailKms.${reveal}`,
      run: () =>
        vscode.commands.executeCommand(`cloudtrailKms.${reveal}`, { arn: '[x](command:workbench.action.terminal.new)', bucket: '../etc' }),
      shown: /^Could not reveal that in the Trails view: /,
      logged: /^\[tree\] Could not reveal that in the Trails view: /,
      actions: ['Show Details'],
    });
  }
  add({
    command: 'cloudtrailKms.validateLogs',
    run: () =>
      vscode.commands.executeCommand('cloudtrailKms.validateLogs', { trailArn: facts.trails.management.arn, startTime: 'yesterday' }),
    shown: /^Could not validate log files: startTime must be an ISO-8601 time/,
    logged: /^\[integrity\] /,
    actions: ['Show Details'],
  });
  add({
    command: 'cloudtrailKms.checkKeyPolicy',
    run: () =>
      vscode.commands.executeCommand('cloudtrailKms.checkKeyPolicy', {
        trailArn: `arn:aws:cloudtrail:${facts.region}:${facts.accountId}:trail/no-such-trail`,
      }),
    shown:
      /^Could not check the key policy: Trail arn:aws:cloudtrail:.*no-such-trail is not among the trails of the current profile and regions\.$/,
    logged: /^\[kms\] .*Select Profile/,
    actions: ['Show Details', 'Select Profile…'],
  });
  add({
    command: 'cloudtrailKms.showKeyActivity',
    run: () => vscode.commands.executeCommand('cloudtrailKms.showKeyActivity', { keyArn: 'not-an-arn' }),
    shown: /^Could not look up the activity of the KMS key: Show KMS Activity works on a key/,
    logged: /^\[cloudtrail\] /,
    actions: ['Show Details'],
  });
  add({
    command: 'cloudtrailKms.openResult',
    run: () => vscode.commands.executeCommand('cloudtrailKms.openResult', { set: 99_999, item: 0 }),
    shown: /^Could not open the result: Choose a result in the Results view to open it\.$/,
    logged: /^\[results\] /,
    actions: ['Show Details'],
  });
  add({
    command: 'cloudtrailKms.saveResults',
    run: async () => {
      const { results } = await vscode.commands.executeCommand<{ results: number }>('cloudtrailKms.showKeyActivity', {
        keyArn: facts.keys.healthy.arn,
      });
      return vscode.commands.executeCommand('cloudtrailKms.saveResults', { set: results }, 'file:///proc/no-such-dir/results.jsonl');
    },
    shown: /^Could not save the results: /,
    logged: /^\[results\] Could not save the results: /,
    actions: ['Show Details'],
  });

  add({
    command: 'cloudtrailKms.addLogLocation',
    run: () => vscode.commands.executeCommand('cloudtrailKms.addLogLocation', 'http://example.com/x'),
    shown: /^Could not add the log location: Not an S3 location: http:\/\/example\.com\/x\.?$/,
    logged: /^\[tree\] Could not add the log location: .*Type s3:\/\/bucket or s3:\/\/bucket\/prefix/,
    actions: ['Show Details'],
  });
  add({
    command: 'cloudtrailKms.removeLogLocation',
    run: () => vscode.commands.executeCommand('cloudtrailKms.removeLogLocation', { uri: 42 }),
    shown: /^Could not remove the log location: Give a pinned log location/,
    logged: /^\[tree\] Could not remove the log location: /,
    actions: ['Show Details'],
  });
  const noSuchTrail = { trailArn: `arn:aws:cloudtrail:${facts.region}:${facts.accountId}:trail/no-such-trail` };
  for (const [command, failure] of [
    ['cloudtrailKms.copyAthenaDdl', 'Could not build the Athena table DDL'],
    ['cloudtrailKms.findEventsWithAthena', 'The Athena query failed'],
  ]) {
    add({
      command,
      run: () => vscode.commands.executeCommand(command, noSuchTrail),
      shown: new RegExp(
        `^${failure}: Trail arn:aws:cloudtrail:.*no-such-trail is not among the trails of the current profile and regions\\.$`,
      ),
      logged: /^\[athena\] .*Select Profile/,
      actions: ['Show Details', 'Select Profile…'],
    });
  }
  add({
    command: 'cloudtrailKms.findEvents',
    run: () =>
      vscode.commands.executeCommand('cloudtrailKms.findEvents', {
        query: `trail:${noSuchTrail.trailArn} from:-1h name:Decrypt`,
        confirmed: true,
      }),
    shown: /^Could not find events: .*no-such-trail/,
    logged: /^\[search\] Could not find events: /,
    actions: ['Show Details', 'Select Profile…'],
  });
  add({
    command: 'cloudtrailKms.findEventsFromLink',
    run: () =>
      vscode.commands.executeCommand('cloudtrailKms.findEventsFromLink', {
        field: 'command',
        value: 'workbench.action.terminal.new',
        eventTime: '2026-11-27T00:00:00Z',
      }),
    shown: /^Could not find events: The search link names no field it can search\.$/,
    logged: /^\[search\] /,
    actions: ['Show Details'],
  });
  // The commands of a results document, given something that is not one.
  for (const [command, failure] of [
    ['cloudtrailKms.rerunSearch', 'Could not find events'],
    ['cloudtrailKms.editSearch', 'Could not find events'],
    ['cloudtrailKms.cancelSearch', 'Could not do that with the search results'],
    ['cloudtrailKms.saveSearchResults', 'Could not do that with the search results'],
    ['cloudtrailKms.showSearchDetails', 'Could not do that with the search results'],
  ]) {
    add({
      command,
      run: () => vscode.commands.executeCommand(command, 'untitled:not-a-search'),
      shown: new RegExp(`^${failure}: This is not a Find Events results document, or its search is no longer in memory\\.$`),
      logged: /^\[search\] /,
      actions: ['Show Details'],
    });
  }
  add({
    command: 'cloudtrailKms.openLogAtRecord',
    run: () => vscode.commands.executeCommand('cloudtrailKms.openLogAtRecord', { bucket, key: missing, recordIndex: 0 }),
    shown: /^Could not open the log file: There is no object s3:\/\/.*no-such-file\.json\.gz\.$/,
    logged: /^\[s3\] Could not open the log file: There is no object /,
    actions: ['Show Details'],
  });

  it('fails each command for real: logged with its area and whole explanation, shown as one sentence with its actions', async () => {
    for (const c of FAILING) await expectFailure(c);
  });

  it("the auditor's decrypt denial: one sentence naming the permission and key; Copy Policy Statement and Select Profile… offered", async () => {
    await settings().update('profile', 'sandbox-auditor', vscode.ConfigurationTarget.Global);
    await expectFailure({
      command: 'cloudtrailKms.openLog',
      run: () => vscode.commands.executeCommand('cloudtrailKms.openLog', { bucket, key: newestLogKeys(facts).keys[3] }),
      shown: new RegExp(
        `^Could not open the log file: KMS refused user/auditor kms:Decrypt with key ${facts.keys.healthy.alias} \\(not allowed by the IAM policy\\)\\.$`,
      ),
      logged:
        /^\[s3\] Could not open the log file: You \(arn:aws:iam::\d+:user\/auditor\) can reach s3:\/\/.* Ask for kms:Decrypt on arn:aws:kms:.* in your IAM policy/,
      actions: ['Show Details', 'Copy Policy Statement', 'Select Profile…'],
    });
  });

  it('a profile without credentials: Select Profile… and Retry', async () => {
    await settings().update('profile', 'no-such-profile', vscode.ConfigurationTarget.Global);
    await expectFailure({
      command: 'cloudtrailKms.openLog',
      run: () => vscode.commands.executeCommand('cloudtrailKms.openLog', { bucket, key: newestLogKeys(facts).keys[4] }),
      shown: /^Could not open the log file: No valid AWS credentials for profile no-such-profile were found/,
      logged: /Choose a working profile \(Select Profile…\)/,
      actions: ['Show Details', 'Select Profile…', 'Retry'],
    });
    await settings().update('profile', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a dead endpoint: Retry — also for a Load more of the Results view and a tree node opened before', async () => {
    const { results } = await vscode.commands.executeCommand<{ results: number }>('cloudtrailKms.showKeyActivity', {
      keyArn: facts.keys.healthy.arn,
    });
    assert.ok(results);
    const [top] = api.results.provider.getChildren();
    const more = api.results.provider.getChildren(top).find((node) => api.results.provider.getTreeItem(node).contextValue === 'resultMore');
    assert.ok(more, 'no Load more node');
    const fileNode = await objectNode(api, facts.trails.management.arn, newestLogKeys(facts).keys[5]);
    await settings().update('endpointUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await expectFailure({
      command: 'cloudtrailKms.loadMoreResults',
      run: () => vscode.commands.executeCommand('cloudtrailKms.loadMoreResults', more),
      shown: /^Could not load more results: Could not reach AWS for LookupEvents/,
      logged: /^\[results\] Could not load more results: .*Check the network/,
      actions: ['Show Details', 'Retry'],
    });
    await expectFailure({
      command: 'cloudtrailKms.openTreeItem',
      run: () => vscode.commands.executeCommand('cloudtrailKms.openTreeItem', fileNode),
      shown: /^Could not open the log file: Could not reach AWS for /,
      logged: /^\[s3\] Could not open the log file: .*Check the network/,
      actions: ['Show Details', 'Retry'],
    });
    await settings().update('endpointUrl', endpoint, vscode.ConfigurationTarget.Global);
  });
});
