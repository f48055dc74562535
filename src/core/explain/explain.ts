/** explain(text, offset): what the key or value under the cursor means, using the record index and the knowledge base. */
import { parseArn, parseS3Location } from '../arn';
import { decodeEmbedded, toInnerOffset, toOuterRange, type EmbeddedText } from './embedded';
import { locate, parseTree, toValue, type JsonNode, type JsonProp, type Location } from './jsonTree';
import { CONTAINER_FIELDS } from './knowledge/recordFields';
import { DOCS, kmsEventDoc } from './knowledge/docs';
import { KMS_OPERATIONS } from './knowledge/kms';
import type { FieldDoc } from './knowledge/types';
import { dedupeLinks, kmsKeyLink, linkForValue, type KeyDefaults } from './links';
import { buildRecordIndex, recordAt, type RecordIndex } from './recordIndex';
import { resolveLookupPath, resolveRecordPath, type Path, type Resolved } from './resolve';
import { eventLinks, kmsStory, serviceName } from './story';
import type { ExplainLink, ExplainSection, Explanation, TextRange } from './types';

type Json = Record<string, unknown>;

const EVENT_KEYS = ['eventVersion', 'eventSource', 'eventName', 'userIdentity', 'eventID', 'eventType', 'eventTime'];

/** True when a parsed record looks like a CloudTrail event (at least two typical top-level keys). */
export function isEventNode(node: JsonNode | undefined): boolean {
  if (!node || node.kind !== 'object') return false;
  let hits = 0;
  for (const prop of node.props) if (EVENT_KEYS.includes(prop.key) && ++hits >= 2) return true;
  return false;
}

function indexFor(text: string, index: RecordIndex | undefined): RecordIndex {
  return index && index.textLength === text.length ? index : buildRecordIndex(text);
}

/** Path from the document root to record i. */
export function recordPrefix(index: RecordIndex, i: number): Path {
  switch (index.kind) {
    case 'records':
      return ['Records', i];
    case 'lookupEvents':
      return ['Events', i];
    case 'array':
      return [i];
    default:
      return [];
  }
}

export function explain(text: string, offset: number, index?: RecordIndex): Explanation | undefined {
  try {
    return explainUnsafe(text, offset, index);
  } catch {
    return undefined; // a hover must never throw; unexpected shapes explain nothing
  }
}

function explainUnsafe(text: string, offset: number, given?: RecordIndex): Explanation | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset >= text.length) return undefined;
  const index = indexFor(text, given);
  if (index.kind === 'none') return undefined;
  const i = recordAt(index, offset);
  if (i < 0) return explainContainerKey(text, offset, index);
  const root = parseTree(text, index.starts[i], index.ends[i]);
  if (!root) return undefined;
  const prefix = recordPrefix(index, i);

  if (index.kind === 'lookupEvents') return explainLookupElement(text, offset, root, prefix);
  if (!isEventNode(root)) return undefined;
  const location = locate(root, offset);
  if (!location) return undefined;
  const record = toValue(root) as Json;
  const body = describe(location.path, location, record);
  if (!body) return undefined;
  return { range: location.range, path: [...prefix, ...location.path], ...body };
}

function explainContainerKey(text: string, offset: number, index: RecordIndex): Explanation | undefined {
  const range = index.containerKeyRange;
  const key = index.containerKey;
  if (!range || !key || offset < range.start || offset >= range.end) return undefined;
  if (index.count > 0) {
    const first = parseTree(text, index.starts[0], index.ends[0]);
    const looksRight = index.kind === 'lookupEvents' ? first?.kind === 'object' : isEventNode(first);
    if (!looksRight) return undefined;
  }
  const doc = CONTAINER_FIELDS[key];
  return { range: { ...range }, path: [key], title: `${key} — ${doc.title}`, sections: [{ text: doc.meaning }], links: [docLink(doc.doc)] };
}

function explainLookupElement(text: string, offset: number, element: JsonNode, prefix: Path): Explanation | undefined {
  if (element.kind !== 'object') return undefined;
  const location = locate(element, offset);
  if (!location) return undefined;
  const top = location.path[0];
  const eventProp = element.props.find((prop) => prop.key === 'CloudTrailEvent');
  const literal = eventProp?.value;
  const insideLiteral =
    top === 'CloudTrailEvent' &&
    !location.onKey &&
    literal !== undefined &&
    (literal.kind === 'string' || literal.kind === 'invalid') &&
    offset > literal.start &&
    offset < literal.end - 1;
  if (insideLiteral && literal) {
    const embedded = decodeEmbedded(text, literal.start, literal.end);
    const inner = explainEmbedded(embedded, toInnerOffset(embedded, offset));
    if (inner) return { ...inner, path: [...prefix, 'CloudTrailEvent', ...inner.path] };
  }
  const resolved = resolveLookupPath(location.path);
  if (!resolved) return undefined;
  const sections: ExplainSection[] = [{ text: resolved.doc.meaning }, fieldFacts(resolved.doc, undefined)];
  const value = scalarText(location);
  if (value !== undefined && resolved.doc.values) sections.push(valueSection(resolved.doc, value));
  return {
    range: location.range,
    path: [...prefix, ...location.path],
    title: `${resolved.name} — ${resolved.doc.title}`,
    sections,
    links: [docLink(resolved.doc.doc)],
  };
}

/** Explains the decoded CloudTrailEvent string at a decoded offset; ranges are mapped back to the outer text. */
function explainEmbedded(embedded: EmbeddedText, innerOffset: number): Explanation | undefined {
  const root = parseTree(embedded.text);
  if (!root || !isEventNode(root)) return undefined;
  const location = locate(root, innerOffset);
  if (!location) return undefined;
  const body = describe(location.path, location, toValue(root) as Json);
  if (!body) return undefined;
  return { range: toOuterRange(embedded, location.range.start, location.range.end), path: location.path, ...body };
}

function scalarText(location: Pick<Location, 'onKey' | 'node'>): string | undefined {
  if (location.onKey) return undefined;
  const node = location.node;
  if (!node || node.kind === 'object' || node.kind === 'array') return undefined;
  return String(node.value);
}

function docLink(doc: { url: string; title: string }): ExplainLink {
  return { kind: 'doc', url: doc.url, title: doc.title };
}

function fieldFacts(doc: FieldDoc, eventVersion: unknown): ExplainSection {
  const parts = [`Type: ${doc.type}.`];
  if (doc.since) parts.push(`In records since eventVersion ${doc.since}.`);
  if (doc.since && typeof eventVersion === 'string' && versionBefore(eventVersion, doc.since)) {
    parts.push(`This record says eventVersion ${eventVersion}, older than that.`);
  }
  return { heading: 'Field', text: parts.join(' ') };
}

/** Compares "major.minor" versions: major by equality, minor numerically. */
export function versionBefore(version: string, since: string): boolean {
  const [a, b] = version.split('.').map(Number);
  const [c, d] = since.split('.').map(Number);
  if ([a, b, c, d].some((n) => Number.isNaN(n))) return false;
  return a < c || (a === c && b < d);
}

function valueSection(doc: FieldDoc, value: string): ExplainSection {
  const known = doc.values && Object.prototype.hasOwnProperty.call(doc.values, value) ? doc.values[value] : undefined;
  return { heading: `Value ${value}`, text: known ?? `This explorer does not know the value ${value}.` };
}

const STORY_ROOTS = new Set([
  'eventName',
  'eventSource',
  'requestParameters',
  'responseElements',
  'resources',
  'additionalEventData',
  'userIdentity',
  'errorCode',
  'errorMessage',
  'serviceEventDetails',
]);

interface Body {
  title: string;
  sections: ExplainSection[];
  links: ExplainLink[];
}

/** The explanation of a key or value at `path` (relative to the record) given the whole record. */
export function describe(path: Path, location: Pick<Location, 'onKey' | 'node' | 'prop'>, record: Json): Body | undefined {
  const facts = {
    eventSource: typeof record.eventSource === 'string' ? record.eventSource : undefined,
    eventName: typeof record.eventName === 'string' ? record.eventName : undefined,
  };
  const resolved = resolveRecordPath(path, facts);
  if (!resolved) return undefined;
  const doc = resolved.doc;
  const sections: ExplainSection[] = [{ text: doc.meaning }];
  if (resolved.item) sections.unshift({ text: `An element of ${resolved.name.replace(/\[\]$/, '')}.` });
  sections.push(fieldFacts(doc, record.eventVersion));
  const links: ExplainLink[] = [];
  const defaults: KeyDefaults = { region: str(record.awsRegion), account: str(record.recipientAccountId) };

  const value = scalarText(location);
  const valueNode = location.onKey ? location.prop?.value : location.node;
  const valueString = valueNode && valueNode.kind === 'string' ? String(valueNode.value) : undefined;
  if (value !== undefined && doc.values && !resolved.item) sections.push(valueSection(doc, value));
  const valueNote = valueString !== undefined ? describeValue(resolved, valueString, facts.eventName) : undefined;
  if (valueNote && (value !== undefined || resolved.contextKey)) sections.push(valueNote);
  if (valueString !== undefined) {
    const link =
      resolved.name.endsWith('keyId') || resolved.name === 'resources[].ARN'
        ? (kmsKeyLink(valueString, defaults) ?? linkForValue(valueString, defaults))
        : linkForValue(valueString, defaults);
    if (link) links.push(link);
  }

  const isKms = facts.eventSource === 'kms.amazonaws.com';
  if (isKms && facts.eventName) {
    const op = KMS_OPERATIONS[facts.eventName];
    if (path[0] === 'eventName' && op) sections.push({ heading: `Operation ${facts.eventName}`, text: `${facts.eventName} ${op.does}.` });
    if (STORY_ROOTS.has(String(path[0]))) {
      const story = kmsStory(record);
      if (story) {
        sections.push({ heading: 'What happened', text: story.text });
        links.push(...story.links);
      }
    }
  } else if (STORY_ROOTS.has(String(path[0]))) {
    links.push(...eventLinks(record));
  }

  links.push(docLink(doc.doc));
  if (isKms && facts.eventName) {
    const page = KMS_OPERATIONS[facts.eventName]?.eventPage;
    if (page && (path[0] === 'eventName' || path[0] === 'requestParameters')) links.push(docLink(kmsEventDoc(page, facts.eventName)));
  }
  if (resolved.contextKey) links.push(docLink(DOCS.encryptionContext));

  return { title: `${resolved.name} — ${doc.title}`, sections, links: dedupeLinks(links) };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What a string value names, where the field's meaning lets us say more than the table. */
function describeValue(resolved: Resolved, value: string, eventName: string | undefined): ExplainSection | undefined {
  const context = resolved.contextKey;
  if (context) {
    if (context.key === 'aws:s3:arn') {
      const location = parseS3Location(value);
      if (location) {
        if (location.key === '')
          return {
            heading: 'This value',
            text: `Names bucket ${location.bucket} itself, not an object: the bucket uses an S3 Bucket Key (or, for CloudTrail, the trail is being set up).`,
          };
        if (location.key.endsWith('/'))
          return {
            heading: 'This value',
            text: `Names the folder s3://${location.bucket}/${location.key}, not an object: CloudTrail uses the bucket and log folder when it checks the key while a trail is created or updated.`,
          };
        return {
          heading: 'This value',
          text: `Names the object s3://${location.bucket}/${location.key}${eventName === 'Decrypt' ? ', whose data key was decrypted (someone read the object)' : eventName?.startsWith('GenerateDataKey') ? ', the object the data key encrypts' : ''}.`,
        };
      }
    }
    if (context.key === 'aws:cloudtrail:arn') {
      const arn = parseArn(value);
      if (arn)
        return {
          heading: 'This value',
          text: `Trail ${arn.resource.replace(/^trail\//, '')} in ${arn.region || 'an unnamed Region'}${arn.account ? `, account ${arn.account}` : ''}.`,
        };
    }
    return {
      heading: `Context pair ${context.key}`,
      text: context.known ? `Set by ${context.info.service}.` : 'Not a key a known AWS integration sets: it was chosen by the caller.',
    };
  }
  if (resolved.name === 'userIdentity.invokedBy' && value !== 'AWS Internal') {
    return { heading: 'This value', text: `${serviceName(value)} made the request on the principal's behalf.` };
  }
  const arn = parseArn(value);
  if (arn && !resolved.doc.values) {
    const where = [arn.region && `Region ${arn.region}`, arn.account && `account ${arn.account}`].filter(Boolean).join(', ');
    return { heading: 'This value', text: `ARN of a ${arn.service} resource (${arn.resource})${where ? ` in ${where}` : ''}.` };
  }
  return undefined;
}

/** For the enumerator: a pseudo location on a property's key. */
export function keyLocation(prop: JsonProp): Pick<Location, 'onKey' | 'node' | 'prop'> {
  return { onKey: true, node: prop.value, prop };
}

export type { TextRange };
