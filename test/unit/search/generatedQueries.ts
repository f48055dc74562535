/** Queries a user would type about a corpus record, for tests that compare engines on real events. */
import { parseKeyRef } from '../../../src/core/search/keys';
import { quoteQueryValue as q } from '../../../src/core/search/queryFormat';
import { at } from './corpusRecords';

/** Deterministic pseudo-random choices. */
export function chooser(seed: number) {
  let state = seed;
  return (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
}

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => stringsOf(item, out));
  return out;
}

/** Queries a user would type about this record: its name, principal, key, context, error, ip, ids, and some of its text. */
export function queriesFrom(record: Record<string, unknown>, pick: (n: number) => number): string[] {
  const queries: string[] = [];
  const add = (text: string | undefined) => text && queries.push(text);
  const str = (path: string) =>
    typeof at(record, path) === 'string' && at(record, path) !== '' ? (at(record, path) as string) : undefined;
  const name = str('eventName');
  if (name) {
    add(`name:${q(name)}`);
    add(`name:${q(name.slice(0, 1 + pick(name.length)).toUpperCase())}*`);
  }
  for (const path of [
    'userIdentity.arn',
    'userIdentity.userName',
    'userIdentity.accessKeyId',
    'userIdentity.sessionContext.sessionIssuer.arn',
  ]) {
    const value = str(path);
    if (value) add(`principal:${q(value)}`);
  }
  const resources = Array.isArray(record.resources) ? (record.resources as { ARN?: string }[]) : [];
  // Only real key ids (some AWS examples write 7944f0ec-EXAMPLE, which key: refuses).
  for (const resource of resources) if (resource.ARN && parseKeyRef(resource.ARN)?.keyId) add(`key:${resource.ARN}`);
  const keyId = str('requestParameters.keyId');
  if (keyId && parseKeyRef(keyId)) add(`key:${keyId}`);
  const context = at(record, 'requestParameters.encryptionContext');
  if (context && typeof context === 'object')
    for (const [key, value] of Object.entries(context)) {
      add(`ctx:${q(key)}=${q(String(value))}`);
      add(`ctx:${q(key)}=${q(String(value).slice(0, 1 + pick(String(value).length)))}*`);
    }
  const error = str('errorCode');
  if (error) {
    add(`error:${q(error)}`);
    add('error:any');
  }
  add(str('sourceIPAddress') && `ip:${q(str('sourceIPAddress')!)}`);
  add(str('eventID') && `request:${q(str('eventID')!.toUpperCase())}`);
  const texts = stringsOf(record).filter((text) => text.length >= 3);
  for (let i = 0; i < 3 && texts.length; i++) {
    const text = texts[pick(texts.length)];
    const start = pick(text.length - 2);
    const term = text.slice(start, start + 3 + pick(10));
    add(q(pick(2) ? term.toUpperCase() : term));
  }
  // Two and three fields together (AND).
  const singles = [...queries];
  for (let i = 0; i < 4 && singles.length > 1; i++) add(`${singles[pick(singles.length)]} ${singles[pick(singles.length)]}`);
  return queries;
}
