/**
 * Real CloudTrail records from the read-only corpus (`shared/corpus`, see test/corpusPath.ts), turned into string
 * templates once per process: the fields a generator varies (times, ids, addresses, accounts, region, identity)
 * become slots, the rest stays as AWS wrote it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../../corpusPath';

export type Slot = 'TIME' | 'EVENT_ID' | 'REQUEST_ID' | 'IP' | 'AGENT' | 'IDENTITY' | 'ACCOUNT' | 'REGION';

export interface RecordTemplate {
  /** Literal JSON text between the slots (parts.length === slots.length + 1). */
  parts: string[];
  slots: Slot[];
  eventSource: string;
  eventName: string;
  /** `userIdentity.invokedBy` of the original (a service acting for the person), kept with the generated identity. */
  invokedBy?: string;
  /** Corpus file the record came from (relative). */
  source: string;
}

type Json = Record<string, unknown>;

const MARK = (slot: Slot) => `@@${slot}@@`;
const SLOT_PATTERN = /"@@IDENTITY@@"|@@(TIME|EVENT_ID|REQUEST_ID|IP|AGENT|ACCOUNT|REGION)@@/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;
const ACCOUNT_ID = /(?<![\d])\d{12}(?![\d])/g;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

let cached: RecordTemplate[] | undefined;

/** Every record of the corpus as a template (cached). Throws with the corpus path when it holds none. */
export function corpusTemplates(): RecordTemplate[] {
  if (cached) return cached;
  const out: RecordTemplate[] = [];
  for (const file of jsonFiles(CORPUS)) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const records = Array.isArray(doc) ? doc : doc && typeof doc === 'object' && 'Records' in doc ? (doc as Json).Records : [doc];
    for (const r of Array.isArray(records) ? records : []) {
      if (r && typeof r === 'object' && typeof (r as Json).eventName === 'string' && typeof (r as Json).eventSource === 'string') {
        out.push(template(r as Json, file.slice(CORPUS.length + 1)));
      }
    }
  }
  if (out.length === 0) throw new Error(`The corpus at ${CORPUS} holds no CloudTrail records; the realistic worlds need it.`);
  cached = out;
  return out;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

function template(original: Json, source: string): RecordTemplate {
  const r = JSON.parse(JSON.stringify(original)) as Json;
  const identity = (r.userIdentity ?? {}) as Json;
  const region = typeof r.awsRegion === 'string' ? r.awsRegion : '';
  r.eventTime = MARK('TIME');
  r.eventID = MARK('EVENT_ID');
  r.requestID = MARK('REQUEST_ID');
  r.recipientAccountId = MARK('ACCOUNT');
  r.awsRegion = MARK('REGION');
  r.eventType ??= 'AwsApiCall';
  r.managementEvent ??= true;
  r.eventCategory ??= 'Management';
  if (typeof r.sourceIPAddress === 'string' && IPV4.test(r.sourceIPAddress)) {
    // A person's call from an address: their own client and, as in current records, the TLS details.
    r.sourceIPAddress = MARK('IP');
    if (typeof r.userAgent === 'string' && r.userAgent !== 'AWS Internal') r.userAgent = MARK('AGENT');
    r.tlsDetails ??= {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${String(original.eventSource).split('.')[0]}.${MARK('REGION')}.amazonaws.com`,
    };
  }
  const person = identity.type === 'IAMUser' || identity.type === 'AssumedRole';
  if (person) r.userIdentity = MARK('IDENTITY');
  let text = JSON.stringify(r).replace(ISO_TIME, MARK('TIME')).replace(ACCOUNT_ID, MARK('ACCOUNT'));
  if (region) text = text.split(region).join(MARK('REGION'));
  const parts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT_PATTERN)) {
    parts.push(text.slice(last, m.index));
    slots.push(m[0] === '"@@IDENTITY@@"' ? 'IDENTITY' : (m[1] as Slot));
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  return {
    parts,
    slots,
    eventSource: String(original.eventSource),
    eventName: String(original.eventName),
    ...(person && typeof identity.invokedBy === 'string' ? { invokedBy: identity.invokedBy } : {}),
    source,
  };
}
