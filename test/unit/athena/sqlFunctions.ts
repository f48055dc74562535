/** Test-only: the tokens and functions of the SQL subset translateToAthena writes (see sqlEval.ts). */

export type Value = unknown; // null = SQL NULL
export type Token = { kind: 'str' | 'qid' | 'num' | 'param' | 'op' | 'id'; text: string };

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new Error('unterminated string literal');
        if (sql[i] === "'" && sql[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (sql[i] === "'") break;
        else text += sql[i++];
      }
      i++;
      tokens.push({ kind: 'str', text });
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      tokens.push({ kind: 'qid', text: sql.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '?') {
      tokens.push({ kind: 'param', text: '?' });
      i++;
    } else if (/[0-9]/.test(c)) {
      let j = i;
      while (/[0-9]/.test(sql[j] ?? '')) j++;
      tokens.push({ kind: 'num', text: sql.slice(i, j) });
      i = j;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i;
      while (/[A-Za-z0-9_$]/.test(sql[j] ?? '')) j++;
      tokens.push({ kind: 'id', text: sql.slice(i, j) });
      i = j;
    } else {
      const two = sql.slice(i, i + 2);
      const op = ['->', '||', '<>', '>=', '<='].includes(two) ? two : c;
      if (!'(),.=<>*|-'.includes(op[0])) throw new Error(`unexpected character ${c}`);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return tokens;
}

/** Reads one execution parameter as Athena would: exactly one string literal, nothing else. */
export function parameterValue(parameter: string): string {
  const tokens = tokenize(parameter);
  if (tokens.length !== 1 || tokens[0].kind !== 'str') throw new Error(`parameter is not one string literal: ${parameter}`);
  return tokens[0].text;
}

export const and3 = (a: Value, b: Value) => (a === false || b === false ? false : a === null || b === null ? null : true);
export const or3 = (a: Value, b: Value) => (a === true || b === true ? true : a === null || b === null ? null : false);
export const isNull = (v: Value) => v === null || v === undefined;

export function like(text: string, pattern: string, escape: string | undefined): boolean {
  // Linear-space DP over the pattern (tests only).
  const parts: { kind: 'lit' | 'any' | 'one'; c?: string }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (escape !== undefined && pattern[i] === escape) parts.push({ kind: 'lit', c: pattern[++i] });
    else if (pattern[i] === '%') parts.push({ kind: 'any' });
    else if (pattern[i] === '_') parts.push({ kind: 'one' });
    else parts.push({ kind: 'lit', c: pattern[i] });
  }
  let states = new Set([0]);
  const close = (set: Set<number>) => {
    for (const s of [...set]) for (let k = s; k < parts.length && parts[k].kind === 'any'; k++) set.add(k + 1);
    return set;
  };
  states = close(states);
  for (const ch of text) {
    const next = new Set<number>();
    for (const s of states) {
      const part = parts[s];
      if (!part) continue;
      if (part.kind === 'any') next.add(s);
      else if (part.kind === 'one' || part.c === ch) next.add(s + 1);
    }
    states = close(next);
  }
  return states.has(parts.length);
}

function jsonPath(json: Value, path: string): Value {
  if (typeof json !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!path.startsWith('$')) throw new Error(`path ${path}`);
  for (const step of path.slice(2).split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, step))
      return null;
    value = (value as Record<string, unknown>)[step];
  }
  return value === undefined ? null : { json: value };
}

export const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  lower: ([s]) => (isNull(s) ? null : String(s).toLowerCase()),
  starts_with: ([s, p]) => (isNull(s) || isNull(p) ? null : String(s).startsWith(String(p))),
  strpos: ([s, p]) => (isNull(s) || isNull(p) ? null : String(s).indexOf(String(p)) + 1),
  cardinality: ([a]) => (Array.isArray(a) ? a.length : null),
  concat_ws: ([sep, ...rest]) => rest.filter((v) => !isNull(v)).join(String(sep)),
  json_format: ([j]) => (isNull(j) ? null : JSON.stringify((j as { json: unknown }).json)),
  json_extract: ([s, p]) => jsonPath(s, String(p)),
  json_extract_scalar: ([s, p]) => {
    const v = jsonPath(s, String(p)) as { json: unknown } | null;
    if (v === null || v.json === null || typeof v.json === 'object') return null;
    return String(v.json);
  },
  element_at: ([m, k]) => (m instanceof Map ? (m.get(k) ?? null) : null),
};
