/**
 * Work done by a call, measured without a clock: the characters the string, regular-expression and JSON built-ins
 * examine on its behalf (an `indexOf` that scans 1 MB costs 1,000,000, however fast the machine is). Pure JavaScript
 * loops are measured separately (block counts, see coverageMeter.ts); backtracking inside a regular expression is
 * caught by V8 itself in a child process (see probe.ts).
 *
 * The built-ins are wrapped once, for the whole process, and count only while a measurement runs. Only test
 * processes install this.
 */

let active = 0;
let scanned = 0;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (this: any, ...args: any[]) => any;

function wrap(owner: object, name: string, cost: (self: any, args: any[], result: any) => number): void {
  const original = (owner as Record<string, Fn>)[name];
  if (typeof original !== 'function' || (original as { metered?: boolean }).metered) return;
  const wrapped: Fn = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (active > 0) scanned += Math.max(0, cost(this, args, result) || 0);
    return result;
  };
  Object.defineProperty(wrapped, 'metered', { value: true });
  Object.defineProperty(owner, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
}

const len = (value: unknown): number => (typeof value === 'string' ? value.length : String(value ?? '').length);
const start = (value: unknown): number => (typeof value === 'number' && value > 0 ? Math.floor(value) : 0);

function install(): void {
  const S = String.prototype;
  wrap(S, 'indexOf', (self, [search, from], found: number) => (found === -1 ? len(self) : found + len(search)) - start(from));
  wrap(S, 'includes', (self, [search, from], found: boolean) => (found ? len(search) : len(self) - start(from)));
  wrap(S, 'lastIndexOf', (self, [_search, from], found: number) => (from === undefined ? len(self) : start(from)) - Math.max(0, found));
  wrap(S, 'startsWith', (_self, [search]) => len(search));
  wrap(S, 'endsWith', (_self, [search]) => len(search));
  for (const name of ['slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize'])
    wrap(S, name, (_self, _args, result) => len(result));
  for (const name of ['padStart', 'padEnd', 'repeat', 'concat']) wrap(S, name, (_self, _args, result) => len(result));
  for (const name of ['split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'localeCompare'])
    wrap(S, name, (self, args) => len(self) + (typeof args[0] === 'string' ? len(args[0]) : 0));
  wrap(Array.prototype, 'join', (_self, _args, result) => len(result));
  wrap(Array.prototype, 'indexOf', (self: unknown[], _args, found: number) => (found === -1 ? self.length : found + 1));
  wrap(Array.prototype, 'includes', (self: unknown[]) => self.length);
  wrap(JSON, 'parse', (_self, [text]) => len(text));
  wrap(JSON, 'stringify', (_self, _args, result) => len(result));
}
/* eslint-enable @typescript-eslint/no-explicit-any */

let installed = false;

/** Starts counting in this process (idempotent). */
export function installWorkMeter(): void {
  if (installed) return;
  installed = true;
  installRegExp();
  install();
}

/** RegExp#exec and #test cost the characters from where the search starts to where it ended (the match end, else the end). */
function installRegExp(): void {
  const R = RegExp.prototype;
  for (const name of ['exec', 'test'] as const) {
    const original = R[name] as (this: RegExp, input: string) => unknown;
    const wrapped = function (this: RegExp, input: string): unknown {
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const result = original.call(this, input);
      if (active > 0) {
        const text = String(input);
        const end = this.global || this.sticky ? this.lastIndex || text.length : text.length;
        scanned += Math.max(1, end - from);
      }
      return result;
    };
    Object.defineProperty(wrapped, 'metered', { value: true });
    Object.defineProperty(R, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }
}

/** Runs `fn` and returns its result with the characters the built-ins examined meanwhile. */
export function measure<T>(fn: () => T): { result: T; work: number } {
  installWorkMeter();
  const before = scanned;
  active++;
  try {
    const result = fn();
    return { result, work: scanned - before };
  } finally {
    active--;
  }
}

/** The same for an async call (nothing else should run meanwhile). */
export async function measureAsync<T>(fn: () => Promise<T>): Promise<{ result: T; work: number }> {
  installWorkMeter();
  const before = scanned;
  active++;
  try {
    const result = await fn();
    return { result, work: scanned - before };
  } finally {
    active--;
  }
}
