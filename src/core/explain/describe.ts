/** The explanation of one key or value at a path inside a record: field meaning, value meaning, story, links. */
import { parseArn, parseS3Location } from '../arn';
import type { JsonProp, Location } from './jsonTree';
import { isKeyField, keyLink } from './keyRefs';
import { DOCS, kmsApiDoc, kmsEventDoc } from './knowledge/docs';
import { errorInfo } from './knowledge/errors';
import { KMS_OPERATIONS } from './knowledge/kmsOperations';
import { describeResourceType } from './knowledge/resourceTypes';
import { serviceName, viaService } from './knowledge/serviceNames';
import { own, type DocRef, type FieldDoc } from './knowledge/types';
import { dedupeLinks, s3Link, trailLink } from './links';
import { accountStory } from './accounts';
import { capBody, shownValue } from './limits';
import { resolveRecordPath, type Path, type Resolved } from './resolve';
import { findEventsLink } from './searchLinks';
import { recordStory, type Story } from './story';
import type { ExplainLink, ExplainSection } from './types';
import { str, type Json } from './values';

export interface Body {
  title: string;
  sections: ExplainSection[];
  links: ExplainLink[];
  /** False where the text is a generic catch-all. */
  specific: boolean;
}

function docLink(doc: DocRef): ExplainLink {
  return { kind: 'doc', url: doc.url, title: doc.title };
}

/** Stories are built once per record object (explainEveryKey asks for many keys of one record). */
const stories = new WeakMap<object, Story | null>();
function storyOf(record: Json): Story | undefined {
  let story = stories.get(record);
  if (story === undefined) {
    story = recordStory(record) ?? null;
    stories.set(record, story);
  }
  return story ?? undefined;
}

const CONTEXT_NAMES = new Set(['encryptionContext', 'sourceEncryptionContext', 'destinationEncryptionContext', 'constraints']);
const ACCOUNT_FIELDS = new Set(['recipientAccountId', 'sharedEventID', 'vpcEndpointId', 'vpcEndpointAccountId']);

/** The story goes on the record's headline fields and, for KMS events, on the fields that hold the key and what it protected. */
function storyHere(path: Path, record: Json, kms: boolean, onValue: boolean): boolean {
  const top = path[0];
  if (top === 'eventName' || top === 'errorMessage' || (top === 'errorCode' && !onValue)) return true;
  if (top === 'insightDetails') return path.length <= 2;
  if (record.eventSource === 'signin.amazonaws.com' && (top === 'responseElements' || top === 'serviceEventDetails'))
    return path.length === 2;
  if (!kms) return false;
  if (top === 'resources') return path.length === 1 || path[path.length - 1] === 'ARN';
  if (top !== 'requestParameters') return false;
  return path.length === 1 || isKeyField(path, record) || path.some((part) => typeof part === 'string' && CONTEXT_NAMES.has(part));
}

function typeLine(doc: FieldDoc, eventVersion: unknown): ExplainSection {
  let text = doc.since ? `${doc.type}, since eventVersion ${doc.since}` : doc.type;
  if (doc.since && typeof eventVersion === 'string' && versionBefore(eventVersion, doc.since))
    text += ` (this record says ${eventVersion})`;
  return { heading: 'Type', text };
}

/** Compares "major.minor" versions: major by equality, minor numerically. */
export function versionBefore(version: string, since: string): boolean {
  const [a, b] = version.split('.').map(Number);
  const [c, d] = since.split('.').map(Number);
  if ([a, b, c, d].some((n) => Number.isNaN(n))) return false;
  return a < c || (a === c && b < d);
}

function valueSection(resolved: Resolved, value: string, kms: boolean): ExplainSection | undefined {
  const name = resolved.name;
  if (name === 'errorCode') {
    const info = errorInfo(value, kms);
    const lead = info.kind === 'dryRun' ? 'A dry run' : info.kind === 'denied' ? 'Denied' : 'Failed';
    return { heading: `Value ${shownValue(value)}`, text: `${lead}: ${info.why}. Check ${info.check}.` };
  }
  if (name === 'resources[].type') {
    const text = describeResourceType(value);
    return { heading: `Value ${shownValue(value)}`, text: text ?? `This explorer does not know the value ${shownValue(value)}.` };
  }
  const values = resolved.doc.values;
  if (!values || resolved.item) return undefined;
  return {
    heading: `Value ${shownValue(value)}`,
    text: own(values, value) ?? `This explorer does not know the value ${shownValue(value)}.`,
  };
}

/** What a string value names, where the field's meaning lets us say more than the table. */
function describeValue(resolved: Resolved, value: string, record: Json, kms: boolean): ExplainSection | undefined {
  const context = resolved.contextKey;
  const eventName = str(record.eventName);
  if (context) {
    const condition = `A key policy or grant can match it with the condition key kms:EncryptionContext:${context.key}.`;
    if (context.key === 'aws:s3:arn') {
      const location = parseS3Location(value);
      if (location?.key === '')
        return {
          heading: 'This value',
          text: `Names bucket ${location.bucket} itself, not an object: the bucket uses an S3 Bucket Key (or, for CloudTrail, the trail is being set up). ${condition}`,
        };
      if (location?.key.endsWith('/'))
        return {
          heading: 'This value',
          text: `Names the folder s3://${location.bucket}/${location.key}, not an object: CloudTrail uses the bucket and log folder when it checks the key while a trail is created or updated. ${condition}`,
        };
      if (location) {
        const why =
          eventName === 'Decrypt'
            ? ', whose data key was decrypted (someone read the object)'
            : eventName?.startsWith('GenerateDataKey')
              ? ', the object the data key encrypts'
              : '';
        return { heading: 'This value', text: `Names the object s3://${location.bucket}/${location.key}${why}. ${condition}` };
      }
    }
    const arn = context.key === 'aws:cloudtrail:arn' ? parseArn(value) : undefined;
    if (arn)
      return {
        heading: 'This value',
        text: `Trail ${arn.resource.replace(/^trail\//, '')} in ${arn.region || 'an unnamed Region'}${arn.account ? `, account ${arn.account}` : ''}. ${condition}`,
      };
    return { heading: 'Policy condition', text: condition };
  }
  if (resolved.name === 'userIdentity.invokedBy') {
    if (value === 'AWS Internal')
      return {
        heading: 'This value',
        text: 'AWS made the request internally on the principal’s behalf (for example S3 asking KMS while the principal reads an object).',
      };
    const via = kms ? viaService(value, str(record.awsRegion)) : undefined;
    const policy = via ? ` A key policy can allow or require this path with the condition kms:ViaService = ${via}.` : '';
    return { heading: 'This value', text: `${serviceName(value)} made the request on the principal's behalf.${policy}` };
  }
  const arn = parseArn(value);
  if (arn && !resolved.doc.values) {
    const where = [arn.region && `Region ${arn.region}`, arn.account && `account ${arn.account}`].filter(Boolean).join(', ');
    return { heading: 'This value', text: `ARN of a ${arn.service} resource (${arn.resource})${where ? ` in ${where}` : ''}.` };
  }
  return undefined;
}

/** The doc of a KMS request or response member follows the event's operation (its API reference page). */
function fieldDoc(resolved: Resolved, kms: boolean, eventName: string | undefined): DocRef {
  const doc = resolved.doc.doc;
  if (!kms || !resolved.kmsMember || !eventName || !own(KMS_OPERATIONS, eventName)) return doc;
  return doc.url.includes('/APIReference/API_') ? kmsApiDoc(eventName) : doc;
}

export function describe(path: Path, location: Pick<Location, 'onKey' | 'node' | 'prop'>, record: Json): Body | undefined {
  const facts = { eventSource: str(record.eventSource), eventName: str(record.eventName) };
  const resolved = resolveRecordPath(path, facts);
  if (!resolved) return undefined;
  const kms = facts.eventSource === 'kms.amazonaws.com';
  const doc = resolved.doc;
  const sections: ExplainSection[] = [{ text: kms && doc.kms ? `${doc.meaning} ${doc.kms}` : doc.meaning }];
  if (resolved.item) sections.unshift({ text: `An element of ${resolved.name.replace(/\[\]$/, '')}.` });
  sections.push(typeLine(doc, record.eventVersion));
  const links: ExplainLink[] = [];

  const node = location.onKey ? undefined : location.node;
  const scalar = node && node.kind !== 'object' && node.kind !== 'array' ? String(node.value) : undefined;
  const valueNode = location.onKey ? location.prop?.value : location.node;
  const valueString = valueNode && valueNode.kind === 'string' ? String(valueNode.value) : undefined;
  const value = scalar !== undefined ? valueSection(resolved, scalar, kms) : undefined;
  if (value) sections.push(value);
  const note =
    valueString !== undefined && (scalar !== undefined || resolved.contextKey)
      ? describeValue(resolved, valueString, record, kms)
      : undefined;
  if (note) sections.push(note);
  if (valueString !== undefined) {
    const link = isKeyField(path, record) ? keyLink(valueString, record) : (trailLink(valueString) ?? s3Link(valueString));
    if (link) links.push(link);
    const search = findEventsLink(path, valueString, record);
    if (search) links.push(search);
  }

  const op = facts.eventName ? own(KMS_OPERATIONS, facts.eventName) : undefined;
  if (kms && op && path[0] === 'eventName')
    sections.push({ heading: `Operation ${facts.eventName}`, text: `${facts.eventName} ${op.does}.` });
  if (storyHere(path, record, kms, scalar !== undefined)) {
    const story = storyOf(record);
    if (story) {
      sections.push({ heading: 'What happened', text: story.text });
      links.push(...story.links);
    }
  } else if ((path.length === 1 && ACCOUNT_FIELDS.has(String(path[0]))) || resolved.name === 'userIdentity.accountId') {
    const accounts = record.eventType === 'AwsCloudTrailInsight' ? undefined : accountStory(record);
    if (accounts) sections.push({ heading: 'Accounts', text: accounts });
  }

  links.push(docLink(fieldDoc(resolved, kms, facts.eventName)));
  if (kms && op?.eventPage && (path[0] === 'eventName' || path[0] === 'requestParameters' || isKeyField(path, record))) {
    links.push(docLink(kmsEventDoc(op.eventPage, facts.eventName ?? '')));
  }
  if (resolved.contextKey) links.push(docLink(DOCS.encryptionContext));
  return capBody({ title: `${resolved.name} — ${doc.title}`, sections, links: dedupeLinks(links), specific: resolved.specific });
}

/** For the enumerator: a pseudo location on a property's key. */
export function keyLocation(prop: JsonProp): Pick<Location, 'onKey' | 'node' | 'prop'> {
  return { onKey: true, node: prop.value, prop };
}
