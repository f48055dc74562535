/**
 * package.json and the code must agree: contributed commands ⇄ the command id constants ⇄ the commands the code
 * registers; palette-hidden commands ⇄ `"when": "false"`; `viewItem` menu clauses ⇄ the tree's contextValues; the
 * grammar's KMS event names ⇄ the KMS knowledge table. A rename on one side alone fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KMS_OPERATIONS } from '../../src/core/explain/knowledge/kms';
import { Commands, HIDDEN_FROM_PALETTE, HOVER_COMMANDS } from '../../src/vscode/commands/commandIds';
import { ResultsContextValues } from '../../src/vscode/results/contextValues';
import { ContextValues, flagContextValue } from '../../src/vscode/tree/contextValues';

const ROOT = join(__dirname, '..', '..', '..');

interface Menu {
  command: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, Menu[]> };
};
const ids = Object.values(Commands) as string[];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every contributed command has an id constant, and every constant is contributed', () => {
  const contributed = manifest.contributes.commands.map((entry) => entry.command);
  assert.deepEqual([...contributed].sort(), [...ids].sort());
  assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
});

test('every command id is registered once by the editor code (through the command wrapper)', () => {
  const registered = new Map<string, number>();
  for (const file of sources(join(ROOT, 'src', 'vscode'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/registerCommand\(\s*context,\s*Commands\.(\w+)/g)) {
      registered.set(match[1], (registered.get(match[1]) ?? 0) + 1);
    }
  }
  for (const name of Object.keys(Commands))
    assert.equal(registered.get(name), 1, `Commands.${name} is registered ${registered.get(name) ?? 0} times`);
  assert.deepEqual(
    [...registered.keys()].filter((name) => !(name in Commands)),
    [],
  );
});

test('the commands hidden from the palette are exactly HIDDEN_FROM_PALETTE, each with "when": "false"', () => {
  const palette = manifest.contributes.menus.commandPalette ?? [];
  for (const entry of palette) assert.ok(ids.includes(entry.command), `${entry.command} in commandPalette is not a command`);
  const hidden = palette.filter((entry) => entry.when === 'false').map((entry) => entry.command);
  assert.deepEqual([...hidden].sort(), [...HIDDEN_FROM_PALETTE].sort());
  // Hover links run only hidden commands that take validated arguments.
  for (const command of HOVER_COMMANDS)
    assert.ok(HIDDEN_FROM_PALETTE.includes(command as never), `${command} runs from hovers but is in the palette`);
});

/** The context values a `viewItem` clause names: `viewItem == x`, `viewItem =~ /^(a|b)$/`. */
function viewItems(when: string): string[] {
  const names: string[] = [];
  for (const match of when.matchAll(/viewItem == ([\w.]+)/g)) names.push(match[1]);
  for (const match of when.matchAll(/viewItem =~ \/\^\(([\w.|]+)\)\$\//g)) names.push(...match[1].split('|'));
  if (when.includes('viewItem') && names.length === 0) assert.fail(`cannot read the viewItem clause of "${when}"`);
  return names;
}

test('every viewItem in the menus is a contextValue of its view, and every contextValue has menus or is known to have none', () => {
  const known = new Set<string>([...Object.values(ContextValues), ...Object.values(ResultsContextValues)]);
  const used = new Set<string>();
  for (const entry of manifest.contributes.menus['view/item/context'] ?? []) {
    assert.ok(ids.includes(entry.command), `${entry.command} in view/item/context is not a command`);
    for (const name of viewItems(entry.when ?? '')) {
      assert.ok(
        known.has(name) || name.startsWith(flagContextValue('')),
        `viewItem ${name} (${entry.command}) is no contextValue of the tree`,
      );
      used.add(name);
    }
  }
  const withoutMenus = [
    ContextValues.info,
    ContextValues.loadMore,
    ResultsContextValues.group,
    ResultsContextValues.plainItem,
    ResultsContextValues.more,
    ResultsContextValues.message,
  ];
  assert.deepEqual([...known].filter((name) => !used.has(name)).sort(), [...withoutMenus].sort());
});

test('the grammar highlights exactly the KMS event names the knowledge table explains', () => {
  const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'cloudtrail-json.injection.tmLanguage.json'), 'utf8')) as {
    repository: { kmsEventName: { match: string } };
  };
  const match = /^\(\?<="\)\(([A-Za-z|]+)\)\(\?="\)$/.exec(grammar.repository.kmsEventName.match);
  assert.ok(match, 'the kmsEventName rule is not a plain list of names');
  const inGrammar = match[1].split('|');
  const inTable = Object.keys(KMS_OPERATIONS);
  assert.deepEqual(
    {
      onlyInGrammar: inGrammar.filter((name) => !inTable.includes(name)),
      onlyInTable: inTable.filter((name) => !inGrammar.includes(name)),
    },
    { onlyInGrammar: [], onlyInTable: [] },
  );
});
