/**
 * The tokens of the query text: `field:value,value`, `ctx:KEY=value,value`, and free-text words or "quoted text".
 * A value is bare (no whitespace, comma or quote) or "quoted" (`\"` and `\\` are its only escapes), optionally followed
 * by an unquoted `*` (prefix match). One pass over the text, no regular expressions over values.
 */
import { QUERY_LIMITS } from './query';
import { QueryError } from './queryError';

export interface LexValue {
  text: string;
  prefix: boolean;
  quoted: boolean;
  start: number;
  end: number;
}

export type LexTerm =
  | { kind: 'field'; field: string; start: number; end: number; values: LexValue[]; contextKey?: LexValue }
  | { kind: 'text'; value: LexValue };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Rejects characters that cannot be searched for (control characters) and text that is not valid Unicode. */
function checkCharacters(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !isSpace(text[i])) || code === 0x7f)
      throw new QueryError(`A control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})`, 'printable text', i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else throw new QueryError('A broken Unicode character (lone surrogate)', 'valid Unicode text', i);
    } else if (code >= 0xdc00 && code <= 0xdfff)
      throw new QueryError('A broken Unicode character (lone surrogate)', 'valid Unicode text', i);
  }
}

export class QueryLexer {
  private pos = 0;
  private valueCount = 0;

  constructor(
    private readonly text: string,
    /** The canonical name of a field name (any case), or undefined for an unknown one. */
    private readonly canonical: (name: string) => string | undefined,
    private readonly fieldNames: string,
  ) {
    if (text.length > QUERY_LIMITS.maxTextLength)
      throw new QueryError(
        `The query is ${text.length} characters long`,
        `at most ${QUERY_LIMITS.maxTextLength}`,
        QUERY_LIMITS.maxTextLength,
        text.length,
      );
    checkCharacters(text);
  }

  terms(): LexTerm[] {
    const terms: LexTerm[] = [];
    for (this.skipSpaces(); this.pos < this.text.length; this.skipSpaces()) terms.push(this.term());
    return terms;
  }

  private skipSpaces(): void {
    while (isSpace(this.text[this.pos])) this.pos++;
  }

  private error(problem: string, expected: string, start: number, end = start + 1): never {
    throw new QueryError(problem, expected, start, end);
  }

  private term(): LexTerm {
    const start = this.pos;
    let letters = start;
    while (letters < this.text.length && isLetter(this.text[letters])) letters++;
    if (letters > start && this.text[letters] === ':') {
      const name = this.text.slice(start, letters).toLowerCase();
      const rest = this.text.slice(letters + 1, letters + 3);
      const field = this.canonical(name);
      if (field !== undefined) {
        this.pos = letters + 1;
        return this.fieldTerm(field, start);
      }
      // `arn:aws:…` and `https://…` pasted as free text are text, not a field.
      if (name !== 'arn' && rest !== '//')
        this.error(
          `Unknown field "${this.text.slice(start, letters)}"`,
          `one of ${this.fieldNames} (or "quote" the text to search for it)`,
          start,
          letters,
        );
    }
    const value = this.value(start, 'text');
    if (value.prefix)
      this.error(
        'A * after free text',
        'no * (free text already matches anywhere in a value; quote a literal *)',
        value.end - 1,
        value.end,
      );
    return { kind: 'text', value };
  }

  private fieldTerm(field: string, start: number): LexTerm {
    this.skipSpaces();
    let contextKey: LexValue | undefined;
    if (field === 'ctx') {
      contextKey = this.value(this.pos, 'contextKey');
      if (contextKey.prefix)
        this.error('A * in an encryption context key', 'the exact key, e.g. ctx:aws:s3:arn=…', contextKey.end - 1, contextKey.end);
      if (this.text[this.pos] !== '=')
        this.error('An encryption context filter without "="', 'KEY=VALUE, e.g. ctx:aws:s3:arn=arn:aws:s3:::bucket/*', this.pos);
      this.pos++;
    }
    const values: LexValue[] = [this.value(this.pos, 'value', field)];
    for (;;) {
      const before = this.pos;
      this.skipSpaces();
      if (this.text[this.pos] !== ',') {
        this.pos = before;
        break;
      }
      this.pos++;
      this.skipSpaces();
      values.push(this.value(this.pos, 'value', field));
    }
    return { kind: 'field', field, start, end: this.pos, values, ...(contextKey ? { contextKey } : {}) };
  }

  /** One value at `start`: "quoted" or bare, then an optional `*`; it must end at whitespace, a comma, or the end. */
  private value(start: number, role: 'value' | 'text' | 'contextKey', field = ''): LexValue {
    this.pos = start;
    const stops = role === 'text' ? ' \t\n\r"' : role === 'contextKey' ? ' \t\n\r,"=' : ' \t\n\r,"';
    let text = '';
    let quoted = false;
    if (this.text[this.pos] === '"') {
      quoted = true;
      text = this.quoted();
    } else {
      while (this.pos < this.text.length && !stops.includes(this.text[this.pos])) this.pos++;
      text = this.text.slice(start, this.pos);
      if (this.text[this.pos] === '"') this.error('A quote inside a value', 'the whole value in quotes, e.g. "two words"', this.pos);
    }
    let prefix = false;
    if (quoted && this.text[this.pos] === '*') {
      prefix = true;
      this.pos++;
    } else if (!quoted && text.endsWith('*')) {
      prefix = true;
      text = text.slice(0, -1);
    }
    if (!quoted) {
      const star = text.indexOf('*');
      if (star >= 0) this.error('A * inside a value', 'a * only at the end (prefix match); "quote" a value that contains *', start + star);
    }
    const end = this.pos;
    if (!quoted && text === '')
      this.error(
        role === 'contextKey' ? 'A missing encryption context key' : `A missing ${field}: value`,
        role === 'contextKey' ? 'ctx:KEY=VALUE' : `a value right after "${field}:" or after a comma (e.g. ${field}:a,b)`,
        start,
      );
    const follow = role === 'contextKey' ? '=' : role === 'text' ? ' \t\n\r' : ' \t\n\r,';
    if (quoted && end < this.text.length && !follow.includes(this.text[end]))
      this.error(
        'Text right after a quoted value',
        role === 'value' ? 'whitespace or a comma after the closing quote' : 'whitespace after the closing quote',
        end,
      );
    if (text.length > QUERY_LIMITS.maxValueLength)
      this.error(`A value of ${text.length} characters`, `at most ${QUERY_LIMITS.maxValueLength} characters`, start, end);
    if (++this.valueCount > QUERY_LIMITS.maxValues)
      this.error('Too many values', `at most ${QUERY_LIMITS.maxValues} values in one query`, start, end);
    return { text, prefix, quoted, start, end };
  }

  private quoted(): string {
    const open = this.pos++;
    let text = '';
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.error('A quote that is never closed', 'a closing "', open);
      const c = this.text[this.pos];
      if (c === '"') {
        text += this.text.slice(runStart, this.pos);
        this.pos++;
        return text;
      }
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        if (next !== '"' && next !== '\\')
          this.error('An unknown escape in quotes', '\\" or \\\\ (the only escapes)', this.pos, this.pos + 2);
        text += this.text.slice(runStart, this.pos) + next;
        this.pos += 2;
        runStart = this.pos;
        continue;
      }
      if (c === '\n' || c === '\r' || c === '\t') this.error('A line break or tab inside quotes', 'the value on one line', this.pos);
      this.pos++;
    }
  }
}
