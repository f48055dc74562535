/**
 * Case-insensitive text tests in linear time (no regular expressions, no worst-case quadratic substring search):
 * values from logs are attacker-controlled and can be long.
 */

/** How queries ignore case: Unicode lower case, the same as Athena's `lower()` for the values that matter. */
export function fold(text: string): string {
  return text.toLowerCase();
}

/** Knuth–Morris–Pratt over UTF-16 code units: `test(haystack)` is O(haystack + needle). */
export class SubstringSearch {
  private readonly failure: Int32Array;

  constructor(readonly needle: string) {
    this.failure = new Int32Array(needle.length);
    let k = 0;
    for (let i = 1; i < needle.length; i++) {
      while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = this.failure[k - 1];
      if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
      this.failure[i] = k;
    }
  }

  /** True when `haystack` contains the needle (both already folded by the caller if case should not matter). */
  test(haystack: string): boolean {
    const needle = this.needle;
    if (needle.length === 0) return true;
    if (haystack.length < needle.length) return false;
    let k = 0;
    for (let i = 0; i < haystack.length; i++) {
      const c = haystack.charCodeAt(i);
      while (k > 0 && c !== needle.charCodeAt(k)) k = this.failure[k - 1];
      if (c === needle.charCodeAt(k)) k++;
      if (k === needle.length) return true;
    }
    return false;
  }
}

/** Exact-or-prefix tests against a set of patterns, all folded (or all exact) the same way. */
export class PatternSet {
  private readonly exact: Set<string>;
  private readonly prefixes: string[];

  constructor(
    patterns: readonly { value: string; prefix: boolean }[],
    private readonly caseInsensitive: boolean,
  ) {
    const norm = (text: string) => (caseInsensitive ? fold(text) : text);
    this.exact = new Set(patterns.filter((item) => !item.prefix).map((item) => norm(item.value)));
    this.prefixes = patterns.filter((item) => item.prefix).map((item) => norm(item.value));
  }

  test(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const text = this.caseInsensitive ? fold(value) : value;
    if (this.exact.has(text)) return true;
    for (const prefix of this.prefixes) if (text.startsWith(prefix)) return true;
    return false;
  }
}

/**
 * Calls `visit` with every object key and every string, number or boolean value of a parsed JSON value, depth first,
 * without recursion (a hostile record cannot overflow the stack); stops as soon as `visit` returns true.
 * `rootKeys: false` skips the root object's own keys (a record's field names are not its text).
 */
export function someText(root: unknown, visit: (text: string) => boolean, rootKeys = true): boolean {
  const stack: unknown[] =
    rootKeys || root === null || typeof root !== 'object' || Array.isArray(root) ? [root] : Object.values(root).reverse();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (visit(value)) return true;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      if (visit(String(value))) return true;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (visit(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
