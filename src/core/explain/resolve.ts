/** Finds what the knowledge base says about a path inside a record: the same key means different things by position. */
import { AWS_PREFIX_CONTEXT_KEY, CUSTOM_CONTEXT_KEY, ENCRYPTION_CONTEXT_KEYS, type ContextKeyDoc } from './knowledge/encryptionContext';
import { DOCS } from './knowledge/docs';
import { KMS_ADDITIONAL_DATA, KMS_REQUEST_PARAMS, KMS_RESPONSE_FIELDS, KMS_SERVICE_EVENT_DETAILS } from './knowledge/kms';
import { LOOKUP_EVENT_FIELDS } from './knowledge/lookupEvents';
import { RECORD_FIELDS } from './knowledge/recordFields';
import { SIGN_IN_FIELDS } from './knowledge/signIn';
import type { FieldDoc } from './knowledge/types';

export type Path = (string | number)[];

export interface Resolved {
  /** The path pattern shown to the user, e.g. `resources[].ARN`. */
  name: string;
  doc: FieldDoc;
  /** Set when the path is a key of an encryption context map. */
  contextKey?: { key: string; info: ContextKeyDoc; known: boolean };
  /** True when the doc is the generic one for a service-specific member this explorer does not describe. */
  generic?: boolean;
  /** True when the path is an element of an array described by `doc`. */
  item?: boolean;
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

export function contextKeyDoc(key: string): { info: ContextKeyDoc; known: boolean } {
  const info = Object.prototype.hasOwnProperty.call(ENCRYPTION_CONTEXT_KEYS, key) ? ENCRYPTION_CONTEXT_KEYS[key] : undefined;
  if (info) return { info, known: true };
  return { info: key.startsWith('aws:') ? AWS_PREFIX_CONTEXT_KEY : CUSTOM_CONTEXT_KEY, known: false };
}

function lookup(table: Readonly<Record<string, FieldDoc>>, key: string): FieldDoc | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const SECTION_LABEL: Record<string, string> = {
  requestParameters: 'request parameter',
  responseElements: 'response element',
  additionalEventData: 'additional event data',
  serviceEventDetails: 'service event detail',
};

function generic(section: string, rest: string, facts: EventFacts): FieldDoc {
  const api = [facts.eventSource, facts.eventName].filter(Boolean).join(' ') || 'this API';
  const label = SECTION_LABEL[section] ?? section;
  return {
    title: `${label} of ${api}`,
    meaning: `A member of ${section} (${rest}) that is specific to ${api}. CloudTrail copies it as the service reported it, with names in camelCase; this explorer has no description of it, so see that service's API reference for what it means.`,
    type: 'as logged',
    doc: DOCS.recordContents,
  };
}

/** What is known about `path` (relative to the record). Undefined when nothing is. */
export function resolveRecordPath(path: Path, facts: EventFacts): Resolved | undefined {
  if (path.length === 0) return undefined;
  const name = pattern(path);
  const direct = lookup(RECORD_FIELDS, name);
  if (direct) return { name, doc: direct };

  const section = typeof path[0] === 'string' ? path[0] : '';
  const rest = pattern(path.slice(1));
  const isKms = facts.eventSource === 'kms.amazonaws.com';

  if (
    section === 'requestParameters' ||
    section === 'responseElements' ||
    section === 'additionalEventData' ||
    section === 'serviceEventDetails'
  ) {
    // An encryption-context key: explained by the service that sets it.
    const last = path[path.length - 1];
    const parent = pattern(path.slice(1, -1));
    if (typeof last === 'string' && CONTEXT_MAPS.has(parent)) {
      const { info, known } = contextKeyDoc(last);
      const doc: FieldDoc = {
        title: known ? `Encryption context set by ${info.service}` : `Encryption context pair chosen by ${info.service}`,
        meaning: info.meaning,
        type: 'string',
        doc: info.doc,
      };
      return { name, doc, contextKey: { key: last, info, known } };
    }
    const signIn = lookup(SIGN_IN_FIELDS, name);
    if (signIn) return { name, doc: signIn };
    const table =
      section === 'requestParameters'
        ? KMS_REQUEST_PARAMS
        : section === 'responseElements'
          ? KMS_RESPONSE_FIELDS
          : section === 'additionalEventData'
            ? KMS_ADDITIONAL_DATA
            : KMS_SERVICE_EVENT_DETAILS;
    if (isKms || section === 'additionalEventData') {
      const kms = lookup(table, rest);
      if (kms && (isKms || rest === 'keyMaterialId')) return { name, doc: kms };
    }
    if (isKms && typeof path[path.length - 1] === 'number') {
      const parentDoc = lookup(table, pattern(path.slice(1, -1)));
      if (parentDoc) return { name, doc: parentDoc, item: true };
    }
    return { name, doc: generic(section, rest, facts), generic: true };
  }

  if (name.startsWith('userIdentity.sessionContext.webIdFederationData.attributes.')) {
    return {
      name,
      doc: {
        title: 'An attribute from the web identity provider',
        meaning: 'A value the identity provider passed along with the federated identity (for example an application or user ID).',
        type: 'string',
        doc: DOCS.userIdentity,
      },
    };
  }
  if (name.startsWith('eventContext.') || name.startsWith('edgeDeviceDetails.') || name.startsWith('serviceEventDetails.')) {
    const top = lookup(RECORD_FIELDS, section);
    if (top) return { name, doc: { ...top, title: `Part of ${section}` }, generic: true };
  }
  if (typeof path[path.length - 1] === 'number') {
    const parent = lookup(RECORD_FIELDS, pattern(path.slice(0, -1)));
    if (parent) return { name, doc: parent, item: true };
  }
  return undefined;
}

/** Outer fields of a LookupEvents element (path relative to the element). */
export function resolveLookupPath(path: Path): Resolved | undefined {
  const name = pattern(path);
  const doc = lookup(LOOKUP_EVENT_FIELDS, name);
  return doc ? { name, doc } : undefined;
}
