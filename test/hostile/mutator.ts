/**
 * A deterministic mutation fuzzer's raw material: the corpus (real CloudTrail events, read-only) and mutations of it
 * driven by a seeded PRNG, so a failing document is reproduced from its seed and number alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and good enough to pick mutations; the same seed gives the same documents. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every .json / .json.txt file under the given folders (missing folders are skipped). */
export function corpusTexts(roots: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json') || name.endsWith('.json.txt')) out.push(readFileSync(path, 'utf8'));
    }
  };
  for (const root of roots) {
    try {
      walk(root);
    } catch {
      // not on this machine
    }
  }
  return out;
}

/** Values an attacker writes into a log: Markdown, HTML, icons, links, commands, terminal and bidi controls, prototype names. */
export const HOSTILE_VALUES: readonly string[] = [
  '$(verified) alice',
  '\\$\\(pass-filled\\)',
  '[click](command:workbench.action.terminal.new)',
  '[x](command:cloudtrailKms.openLog?%5B%7B%22bucket%22%3A%22b%22%7D%5D)',
  '![img](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  'https://evil.example/?q=1',
  '&lt;script&gt;',
  '**bold** _em_ `code` ~~s~~ # h\n---\n> q',
  '\u001b]0;title\u0007\u001b[2J\u009b31m\r\u202eevil\u202c',
  '\u0000\u0001\u2028\u2029\ufeff',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'arn:aws:kms:us-west-2:111122223333:key/$(verified)',
  'arn:aws:s3:::bucket-1/AWSLogs/[x](command:y).json.gz',
  'arn:aws:cloudtrail:us-west-2:111122223333:trail/' + '.'.repeat(3000),
  'alias/' + '*'.repeat(500) + '!',
  'x'.repeat(20_000),
  '"}]},{"eventName":"Decrypt',
  '😀'.repeat(100) + '\ud800',
];

const TYPE_SWAPS: readonly unknown[] = [null, 0, -1, 1e308, true, [], {}, [1, 'a'], { __proto__: 'x' }, { constructor: 'y' }, ''];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every (container, key) of a JSON tree, for picking one at random. */
function slots(root: Json): { parent: Json[] | Record<string, Json>; key: string | number }[] {
  const out: { parent: Json[] | Record<string, Json>; key: string | number }[] = [];
  const visit = (node: Json, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node))
      node.forEach((child, index) => {
        out.push({ parent: node, key: index });
        visit(child, depth + 1);
      });
    else
      for (const key of Object.keys(node)) {
        out.push({ parent: node, key });
        visit(node[key], depth + 1);
      }
  };
  visit(root, 0);
  return out;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** One structural change to a parsed document: a hostile value, a swapped type, a renamed, deleted or repeated member. */
function mutateTree(root: Json, random: () => number, grow: boolean): void {
  const all = slots(root);
  if (all.length === 0) return;
  const { parent, key } = pick(random, all);
  const get = (): Json => (parent as Record<string | number, Json>)[key];
  const set = (value: Json): void => {
    (parent as Record<string | number, Json>)[key] = value;
  };
  const choice = random();
  if (choice < 0.45) set(pick(random, HOSTILE_VALUES));
  else if (choice < 0.6) set(pick(random, TYPE_SWAPS) as Json);
  else if (choice < 0.7 && !Array.isArray(parent)) {
    const value = get();
    delete parent[key as string];
    parent[pick(random, HOSTILE_VALUES).slice(0, 200)] = value;
  } else if (choice < 0.78) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (choice < 0.9 && grow) {
    // Grow: the same member repeated, so linearity is checked on larger documents too.
    const copies = 1 + Math.floor(random() * random() * 100);
    set(Array.from({ length: copies }, () => structuredClone(get())));
  } else {
    // Nest: a value wrapped a few dozen levels deep.
    let value = get();
    for (let depth = Math.floor(random() * 60); depth > 0; depth--) value = random() < 0.5 ? [value] : { a: value };
    set(value);
  }
}

/** One textual change: truncation, a deleted or repeated range, an inserted hostile text, a key written with an escape. */
function mutateText(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.2) return text.slice(0, at);
  if (choice < 0.4) return text.slice(0, at) + text.slice(at + Math.floor(random() * 200));
  if (choice < 0.55) {
    const length = Math.floor(random() * 400);
    return text.slice(0, at) + text.slice(at, at + length).repeat(1 + Math.floor(random() * 20)) + text.slice(at + length);
  }
  if (choice < 0.75) return text.slice(0, at) + pick(random, HOSTILE_VALUES).slice(0, 2000) + text.slice(at);
  if (choice < 0.9) return text.split('"eventName"').join('"event\\u004eame"');
  return text.slice(0, at) + pick(random, ['{', '}', '[', ']', '"', '\\', ',', ':', '\\u', '\n']) + text.slice(at);
}

/** Documents grow (repeated members) only while smaller than this: large enough to show quadratic work, quick to run. */
const MAX_GROWN = 64 * 1024;

/** The `n`-th mutated document of the run: 1–4 mutations, structural when the text parses, textual otherwise or by chance. */
export function mutatedDocument(corpus: readonly string[], random: () => number): string {
  let text = pick(random, corpus);
  for (let round = 1 + Math.floor(random() * 4); round > 0; round--) {
    let tree: Json | undefined;
    if (random() < 0.7) {
      try {
        tree = JSON.parse(text) as Json;
      } catch {
        tree = undefined;
      }
    }
    if (tree !== undefined && typeof tree === 'object' && tree !== null) {
      mutateTree(tree, random, text.length < MAX_GROWN);
      const mutated = random() < 0.5 ? JSON.stringify(tree, null, 2) : JSON.stringify(tree);
      if (mutated.length <= 4 * MAX_GROWN) text = mutated;
    } else {
      text = mutateText(text, random);
    }
  }
  return text;
}
