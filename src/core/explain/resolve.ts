/** Finds what the knowledge base says about a path inside a record: the same key means different things by position. */
import { AWS_PREFIX_CONTEXT_KEY, CUSTOM_CONTEXT_KEY, ENCRYPTION_CONTEXT_KEYS, type ContextKeyDoc } from './knowledge/encryptionContext';
import { DOCS } from './knowledge/docs';
import { KMS_ADDITIONAL_DATA, KMS_REQUEST_PARAMS, KMS_RESPONSE_FIELDS, KMS_SERVICE_EVENT_DETAILS, attestationPcr } from './knowledge/kms';
import { LOOKUP_EVENT_FIELDS } from './knowledge/lookupEvents';
import { RECORD_FIELDS } from './knowledge/recordFields';
import { SERVICE_FIELDS } from './knowledge/serviceFields';
import { own, type FieldDoc, type FieldTable } from './knowledge/types';

export type Path = (string | number)[];

export interface Resolved {
  /** The path pattern shown to the user, e.g. `resources[].ARN`. */
  name: string;
  doc: FieldDoc;
  /** Set when the path is a key of an encryption context map. */
  contextKey?: { key: string; info: ContextKeyDoc; known: boolean };
  /** True when the doc is the generic one for a member this explorer does not describe. */
  generic?: boolean;
  /** True when the path is an element of an array described by `doc`. */
  item?: boolean;
  /** True when the doc says what this very field means (not a catch-all). */
  specific: boolean;
  /** The table the doc came from is KMS's (its API pages follow the event's operation). */
  kmsMember?: boolean;
}

export interface EventFacts {
  eventSource?: string;
  eventName?: string;
}

/** Paths deeper than this are shown shortened; nothing in the knowledge base is that deep. */
const MAX_SHOWN_DEPTH = 24;

/** `['resources', 0, 'ARN']` → `resources[].ARN`; very deep paths are shortened in the middle. */
export function pattern(path: Path): string {
  if (path.length > MAX_SHOWN_DEPTH) {
    return `${pattern(path.slice(0, 8))}…(${path.length - 12} levels)…${pattern(path.slice(-4))}`;
  }
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += '[]';
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

const CONTEXT_MAPS = new Set([
  'encryptionContext',
  'sourceEncryptionContext',
  'destinationEncryptionContext',
  'constraints.encryptionContextSubset',
  'constraints.encryptionContextEquals',
]);

const SECTIONS = new Set(['requestParameters', 'responseElements', 'additionalEventData', 'serviceEventDetails']);

export function contextKeyDoc(key: string): { info: ContextKeyDoc; known: boolean } {
  const info = own(ENCRYPTION_CONTEXT_KEYS, key);
  if (info) return { info, known: true };
  return { info: key.startsWith('aws:') ? AWS_PREFIX_CONTEXT_KEY : CUSTOM_CONTEXT_KEY, known: false };
}

const SECTION_LABEL: Readonly<Record<string, string>> = {
  requestParameters: 'request parameter',
  responseElements: 'response element',
  additionalEventData: 'additional event data',
  serviceEventDetails: 'service event detail',
};

function generic(section: string, rest: string, facts: EventFacts): FieldDoc {
  const api = [facts.eventSource, facts.eventName].filter(Boolean).join(' ') || 'this API';
  const label = own(SECTION_LABEL, section) ?? section;
  return {
    title: `${label} of ${api}`,
    meaning: `A member of ${section} (${rest}) that is specific to ${api}. CloudTrail copies it as the service reported it, with names in camelCase; this explorer has no description of it, so see that service's API reference for what it means.`,
    type: 'as logged',
    doc: DOCS.recordContents,
  };
}

function kmsTable(section: string): FieldTable {
  if (section === 'requestParameters') return KMS_REQUEST_PARAMS;
  if (section === 'responseElements') return KMS_RESPONSE_FIELDS;
  if (section === 'additionalEventData') return KMS_ADDITIONAL_DATA;
  return KMS_SERVICE_EVENT_DETAILS;
}

function contextResolved(name: string, key: string): Resolved {
  const { info, known } = contextKeyDoc(key);
  const setBy = known || key.startsWith('aws:');
  const doc: FieldDoc = {
    title: setBy ? `Encryption context set by ${info.service}` : `Encryption context pair chosen by ${info.service}`,
    meaning: info.meaning,
    type: 'string',
    doc: info.doc,
  };
  return { name, doc, contextKey: { key, info, known }, specific: known || !key.startsWith('aws:') };
}

/** A member of requestParameters / responseElements / additionalEventData / serviceEventDetails. */
function resolveMember(path: Path, name: string, facts: EventFacts): Resolved {
  const section = String(path[0]);
  const rest = pattern(path.slice(1));
  const last = path[path.length - 1];
  const parent = pattern(path.slice(1, -1));
  if (typeof last === 'string' && CONTEXT_MAPS.has(parent)) return contextResolved(name, last);
  const service = facts.eventSource ? own(SERVICE_FIELDS, facts.eventSource) : undefined;
  const isKms = facts.eventSource === 'kms.amazonaws.com';
  const kms = isKms || (section === 'additionalEventData' && rest === 'keyMaterialId') ? kmsTable(section) : undefined;
  const direct = (service && own(service, name)) ?? (kms && own(kms, rest));
  if (direct) return { name, doc: direct, specific: true, kmsMember: kms !== undefined && !(service && own(service, name)) };
  if (isKms && typeof last === 'string' && path.length === 3 && path[1] === 'recipient') {
    const pcr = attestationPcr(last);
    if (pcr) return { name, doc: pcr, specific: true };
  }
  const parentName = pattern(path.slice(0, -1));
  const parentDoc = (service && own(service, parentName)) ?? (isKms ? own(kmsTable(section), parent) : undefined);
  if (parentDoc && typeof last === 'number') return { name, doc: parentDoc, item: true, specific: true, kmsMember: isKms };
  if (parentDoc?.entries) return { name, doc: parentDoc.entries, specific: true };
  return { name, doc: generic(section, rest, facts), generic: true, specific: false };
}

/** What is known about `path` (relative to the record). Undefined when nothing is. */
export function resolveRecordPath(path: Path, facts: EventFacts): Resolved | undefined {
  if (path.length === 0) return undefined;
  const name = pattern(path);
  const direct = own(RECORD_FIELDS, name);
  if (direct) return { name, doc: direct, specific: true };
  const section = typeof path[0] === 'string' ? path[0] : '';
  if (SECTIONS.has(section)) return resolveMember(path, name, facts);

  if (name.startsWith('userIdentity.sessionContext.webIdFederationData.attributes.')) {
    return {
      name,
      specific: true,
      doc: {
        title: 'An attribute from the web identity provider',
        meaning: 'A value the identity provider passed along with the federated identity (for example an application or user ID).',
        type: 'string',
        doc: DOCS.userIdentity,
      },
    };
  }
  if (name.startsWith('eventContext.') || name.startsWith('edgeDeviceDetails.')) {
    const top = own(RECORD_FIELDS, section);
    if (top) return { name, doc: { ...top, title: `Part of ${section}` }, generic: true, specific: false };
  }
  if (typeof path[path.length - 1] === 'number') {
    const parent = own(RECORD_FIELDS, pattern(path.slice(0, -1)));
    if (parent) return { name, doc: parent, item: true, specific: true };
  }
  return undefined;
}

/** Outer fields of a LookupEvents element (path relative to the element). */
export function resolveLookupPath(path: Path): Resolved | undefined {
  const name = pattern(path);
  const doc = own(LOOKUP_EVENT_FIELDS, name);
  return doc ? { name, doc, specific: true } : undefined;
}
