/**
 * Localization (issue 18): every user-visible string of src/vscode goes through vscode.l10n.t (checked statically by
 * test/l10nEscapes.ts, which lists each escape as file:line:column), every user-visible manifest string is a %key% of
 * package.nls.json, and the exported bundle l10n/bundle.l10n.json (written by `npm run build`) holds every message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEscapesInSource, findL10nEscapes, formatEscape, l10nMessages } from '../l10nEscapes';

const ROOT = join(__dirname, '..', '..', '..');

test('no user-visible string in src/vscode escapes vscode.l10n.t', () => {
  const escapes = findL10nEscapes(ROOT);
  assert.equal(
    escapes.length,
    0,
    `${escapes.length} string(s) outside vscode.l10n.t (wrap them, or mark a string that is not for people with // l10n-ignore: <why>):\n${escapes.map(formatEscape).join('\n')}`,
  );
});

test('the checker finds strings at every kind of place, with file:line:column, and accepts the translated ones', () => {
  const source = [
    "import * as vscode from 'vscode';",
    "void vscode.window.showInformationMessage('Select a trail first.');",
    'void vscode.window.showWarningMessage(`Trail ${name} has no key`);',
    "void vscode.window.showQuickPick([{ label: 'Last 7 days' }], { placeHolder: 'Which window?' });",
    "void vscode.window.showInputBox({ prompt: 'Start date', validateInput: (v) => (v ? undefined : 'Type a date') });",
    "item.tooltip = 'Click to open';",
    "const node = new vscode.TreeItem('Load more');",
    "throw new ExplainedError('NoKey', 'The trail has no key.');",
    "const hint = 'Choose another profile or region.';",
    "log().info('[s3] listed the bucket in full');",
    "if (kind === 'not a sentence but a key') run();",
    '// l10n-ignore: a test fixture',
    "const ignored = 'Nothing to see here';",
    "void vscode.window.showInformationMessage(vscode.l10n.t('Select a trail, {0}.', name));",
    "const glued = vscode.l10n.t('Trail') + ' has no key';",
    'const dynamic = vscode.l10n.t(message);',
    "const lines = `**${vscode.l10n.t('Trail {0}', name)}**  \\n`;",
  ].join('\n');
  const found = findEscapesInSource('src/vscode/sample.ts', source).map(formatEscape);
  assert.deepEqual(found, [
    'src/vscode/sample.ts:2:43  sink  showInformationMessage  "Select a trail first."',
    'src/vscode/sample.ts:3:39  sink  showWarningMessage  "Trail {} has no key"',
    'src/vscode/sample.ts:4:44  sink  label:  "Last 7 days"',
    'src/vscode/sample.ts:4:77  sink  placeHolder:  "Which window?"',
    'src/vscode/sample.ts:5:43  sink  prompt:  "Start date"',
    'src/vscode/sample.ts:5:96  sink  validateInput  "Type a date"',
    'src/vscode/sample.ts:6:16  sink  .tooltip =  "Click to open"',
    'src/vscode/sample.ts:7:34  sink  new TreeItem  "Load more"',
    'src/vscode/sample.ts:8:35  sink  new ExplainedError  "The trail has no key."',
    'src/vscode/sample.ts:9:14  prose  text  "Choose another profile or region."',
    "src/vscode/sample.ts:15:15  misuse  l10n.t  \"translated fragment glued into a larger string: vscode.l10n.t('Trail') + ' has no key'\"",
    'src/vscode/sample.ts:15:40  prose  text  " has no key"',
    'src/vscode/sample.ts:16:17  misuse  l10n.t  "first argument must be a string literal: vscode.l10n.t(message)"',
  ]);
});

interface Manifest {
  l10n?: string;
  displayName: string;
  description: string;
  contributes: {
    commands: { title: string; category?: string }[];
    viewsContainers: Record<string, { title: string }[]>;
    views: Record<string, { name: string; contextualTitle?: string }[]>;
    viewsWelcome?: { contents: string }[];
    configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string }> };
    walkthroughs?: { title: string; description: string; steps: { title: string; description: string }[] }[];
  };
}

test('every user-visible manifest string is a %key% of package.nls.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const c = manifest.contributes;
  const shown: [string, string | undefined][] = [
    ['displayName', manifest.displayName],
    ['description', manifest.description],
    ...c.commands.flatMap((command, i): [string, string | undefined][] => [
      [`commands[${i}].title`, command.title],
      [`commands[${i}].category`, command.category],
    ]),
    ...Object.values(c.viewsContainers)
      .flat()
      .map((container, i): [string, string] => [`viewsContainers[${i}].title`, container.title]),
    ...Object.values(c.views)
      .flat()
      .flatMap((view, i): [string, string | undefined][] => [
        [`views[${i}].name`, view.name],
        [`views[${i}].contextualTitle`, view.contextualTitle],
      ]),
    ...(c.viewsWelcome ?? []).map((welcome, i): [string, string] => [`viewsWelcome[${i}].contents`, welcome.contents]),
    ['configuration.title', c.configuration.title],
    ...Object.entries(c.configuration.properties).flatMap(([key, setting]): [string, string | undefined][] => [
      [`${key}.description`, setting.description],
      [`${key}.markdownDescription`, setting.markdownDescription],
    ]),
    ...(c.walkthroughs ?? []).flatMap((walkthrough, i): [string, string][] => [
      [`walkthroughs[${i}].title`, walkthrough.title],
      [`walkthroughs[${i}].description`, walkthrough.description],
      ...walkthrough.steps.flatMap((step, j): [string, string][] => [
        [`walkthroughs[${i}].steps[${j}].title`, step.title],
        [`walkthroughs[${i}].steps[${j}].description`, step.description],
      ]),
    ]),
  ];
  const problems: string[] = [];
  for (const [where, value] of shown) {
    if (value === undefined) continue;
    const key = /^%([^%]+)%$/.exec(value)?.[1];
    if (!key) problems.push(`${where} is not a %key%: ${JSON.stringify(value.slice(0, 60))}`);
    else if (typeof nls[key] !== 'string' || nls[key].trim() === '') problems.push(`${where}: %${key}% is not in package.nls.json`);
  }
  assert.deepEqual(problems, []);
  assert.equal(manifest.l10n, './l10n');
});

test('l10n/bundle.l10n.json (npm run build) holds every vscode.l10n.t message of src/vscode', () => {
  const path = join(ROOT, 'l10n', 'bundle.l10n.json');
  assert.ok(existsSync(path), 'l10n/bundle.l10n.json is missing: run npm run build');
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  const messages = [...l10nMessages(ROOT)];
  assert.ok(messages.length > 50, `only ${messages.length} messages found`);
  const missing = messages.filter((message) => bundle[message] !== message);
  assert.deepEqual(missing, [], 'messages missing from the bundle: npm run build exports it again');
});
