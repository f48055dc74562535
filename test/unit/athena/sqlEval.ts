/**
 * Test-only: an evaluator for the subset of Trino SQL that translateToAthena writes, over a row built the way the
 * JSON SerDe builds it from a record. It lets the unit tests check the SQL's meaning against the record matcher on
 * real events (moto and the sandbox run no SQL). It also checks the parameter contract: every `?` has a parameter,
 * and every parameter is one well-formed SQL string literal.
 */
import { CLOUDTRAIL_COLUMNS, columnName, type HiveType } from '../../../src/core/athena/columns';
import { and3, FUNCTIONS, isNull, like, or3, parameterValue, tokenize, type Token, type Value } from './sqlFunctions';

export { parameterValue, tokenize };

type Node = (env: Env) => Value;
interface Env {
  row: Record<string, Value>;
  vars: Record<string, Value>;
}

class Parser {
  private pos = 0;
  params = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly parameters: string[],
  ) {}
  private peek(offset = 0) {
    return this.tokens[this.pos + offset];
  }
  private is(text: string, offset = 0) {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === 'op' || t.kind === 'id') && t.text.toUpperCase() === text.toUpperCase();
  }
  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.pos++;
    return true;
  }
  expect(text: string) {
    if (!this.is(text)) throw new Error(`expected ${text} at ${JSON.stringify(this.peek())}`);
    this.pos++;
  }
  skipTo(keyword: string) {
    while (this.pos < this.tokens.length && !this.is(keyword)) this.pos++;
    this.expect(keyword);
  }
  atEnd(keyword: string) {
    return this.is(keyword);
  }
  expr(): Node {
    let left = this.and();
    while (this.is('OR')) {
      this.pos++;
      const l = left,
        r = this.and();
      left = (env) => or3(l(env), r(env));
    }
    return left;
  }
  private and(): Node {
    let left = this.predicate();
    while (this.is('AND')) {
      this.pos++;
      const l = left,
        r = this.predicate();
      left = (env) => and3(l(env), r(env));
    }
    return left;
  }
  private predicate(): Node {
    const left = this.concat();
    if (this.is('IN')) {
      this.pos++;
      this.expect('(');
      const items = [this.concat()];
      while (this.accept(',')) items.push(this.concat());
      this.expect(')');
      return (env) => {
        const v = left(env);
        return isNull(v) ? null : items.some((item) => item(env) === v);
      };
    }
    if (this.is('LIKE')) {
      this.pos++;
      const pattern = this.concat();
      let escape: Node | undefined;
      if (this.accept('ESCAPE')) escape = this.concat();
      return (env) => {
        const v = left(env);
        return isNull(v) ? null : like(String(v), String(pattern(env)), escape ? String(escape(env)) : undefined);
      };
    }
    if (this.is('BETWEEN')) {
      this.pos++;
      const low = this.concat();
      this.expect('AND');
      const high = this.concat();
      return (env) => {
        const v = left(env);
        return isNull(v) ? null : String(v) >= String(low(env)) && String(v) <= String(high(env));
      };
    }
    if (this.is('IS')) {
      this.pos++;
      const not = this.is('NOT');
      if (not) this.pos++;
      this.expect('NULL');
      return (env) => isNull(left(env)) !== not;
    }
    for (const op of ['=', '<>', '>=', '<=', '<', '>']) {
      if (this.is(op)) {
        this.pos++;
        const right = this.concat();
        return (env) => {
          const a = left(env),
            b = right(env);
          if (isNull(a) || isNull(b)) return null;
          const x = typeof a === 'number' ? a : String(a),
            y = typeof b === 'number' ? b : String(b);
          return op === '=' ? x === y : op === '<>' ? x !== y : op === '>=' ? x >= y : op === '<=' ? x <= y : op === '<' ? x < y : x > y;
        };
      }
    }
    return left;
  }
  private concat(): Node {
    let left = this.primary();
    while (this.is('||')) {
      this.pos++;
      const l = left,
        r = this.primary();
      left = (env) => {
        const a = l(env),
          b = r(env);
        return isNull(a) || isNull(b) ? null : String(a) + String(b);
      };
    }
    return left;
  }
  private castType(): string {
    const start = this.pos;
    let depth = 0;
    while (depth > 0 || !this.is(')')) {
      if (this.is('(')) depth++;
      if (this.is(')')) depth--;
      this.pos++;
    }
    return this.tokens
      .slice(start, this.pos)
      .map((t) => t.text.toUpperCase())
      .join('');
  }
  private primary(): Node {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '(') {
      this.pos++;
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.kind === 'str') return (this.pos++, () => t.text);
    if (t.kind === 'num') return (this.pos++, () => Number(t.text));
    if (t.kind === 'param') {
      this.pos++;
      const value = parameterValue(this.parameters[this.params++]);
      return () => value;
    }
    if (t.kind === 'qid') return (this.pos++, (env) => env.row[t.text] ?? null);
    const name = t.text.toLowerCase();
    if ((name === 'cast' || name === 'try_cast') && this.is('(', 1)) {
      this.pos += 2;
      const inner = this.expr();
      this.expect('AS');
      const type = this.castType();
      this.expect(')');
      if (type === 'JSON') return (env) => (isNull(inner(env)) ? null : { json: inner(env) });
      if (type === 'MAP(VARCHAR,VARCHAR)')
        return (env) => {
          const v = inner(env) as { json: unknown } | null;
          if (isNull(v) || v!.json === null || typeof v!.json !== 'object' || Array.isArray(v!.json)) return null;
          const map = new Map<string, Value>();
          for (const [k, x] of Object.entries(v!.json as object)) {
            if (x !== null && typeof x === 'object') return null;
            map.set(k, x === null ? null : String(x));
          }
          return map;
        };
      throw new Error(`cast to ${type}`);
    }
    if (name === 'filter' && this.is('(', 1)) {
      this.pos += 2;
      const array = this.expr();
      this.expect(',');
      const variable = this.peek().text;
      this.pos++;
      this.expect('->');
      const body = this.expr();
      this.expect(')');
      return (env) => {
        const a = array(env);
        if (!Array.isArray(a)) return null;
        return a.filter((item) => body({ row: env.row, vars: { ...env.vars, [variable]: item } }) === true);
      };
    }
    if (this.is('(', 1)) {
      const fn = FUNCTIONS[name];
      if (!fn) throw new Error(`function ${name}`);
      this.pos += 2;
      const args: Node[] = [];
      if (!this.is(')')) {
        args.push(this.expr());
        while (this.accept(',')) args.push(this.expr());
      }
      this.expect(')');
      return (env) => fn(args.map((arg) => arg(env)));
    }
    // A column path: col(.field)*, or a lambda variable.
    this.pos++;
    const path = [name];
    while (this.accept('.')) path.push(this.tokens[this.pos++].text.toLowerCase());
    return (env) => {
      let v: Value = path[0] in env.vars ? env.vars[path[0]] : env.row[path[0]];
      for (const step of path.slice(1)) v = v !== null && typeof v === 'object' ? ((v as Record<string, unknown>)[step] ?? null) : null;
      return v ?? null;
    };
  }
}

/** Compiles the WHERE clause of a translated statement; checks that `?` and parameters line up one to one. */
export function compileWhere(sql: string, parameters: string[]): (row: Record<string, Value>) => boolean {
  const tokens = tokenize(sql);
  const questionMarks = tokens.filter((t) => t.kind === 'param').length;
  if (questionMarks !== parameters.length) throw new Error(`${questionMarks} ? but ${parameters.length} parameters`);
  const parser = new Parser(tokens, parameters);
  parser.skipTo('WHERE');
  const where = parser.expr();
  if (!parser.atEnd('ORDER')) throw new Error('WHERE clause not fully parsed');
  if (parser.params !== parameters.length) throw new Error('parameters used before WHERE');
  return (row) => where({ row, vars: {} }) === true;
}

/** SerDe-like: a column of the model from a record value (structs keep only their declared fields, lower-cased). */
function cell(type: HiveType, value: unknown): Value {
  if (value === undefined || value === null) return null;
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'map':
      return typeof value === 'object' ? value : null;
    case 'array':
      return Array.isArray(value) ? value.map((item) => cell(type.of, item)) : null;
    case 'struct': {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const out: Record<string, Value> = {};
      for (const field of type.fields) out[columnName(field)] = cell(field.type, (value as Record<string, unknown>)[field.json]);
      return out;
    }
  }
}

export function recordToRow(record: Record<string, unknown>): Record<string, Value> {
  const row: Record<string, Value> = {};
  for (const field of CLOUDTRAIL_COLUMNS) row[columnName(field)] = cell(field.type, record[field.json]);
  row.account = record.recipientAccountId ?? null;
  row.region = record.awsRegion ?? null;
  row.timestamp = typeof record.eventTime === 'string' ? record.eventTime.slice(0, 10).replace(/-/g, '/') : null;
  return row;
}
