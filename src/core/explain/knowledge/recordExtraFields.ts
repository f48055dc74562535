/** Record fields added since eventVersion 1.08: addendum, console-session flag, Lake enrichment, edge devices, TLS details. */
import { DOCS } from './docs';
import type { FieldTable } from './types';

const R = DOCS.recordContents;
const BOOLEAN_TEXT = 'string holding "true" or "false" (text, not a JSON boolean)';

export const RECORD_EXTRA_FIELDS: FieldTable = {
  addendum: {
    title: 'Why the event came late or changed',
    meaning:
      'Present when the event was delivered late or re-delivered with updated data: reason, and for updates which fields changed and the original IDs.',
    type: 'object',
    since: '1.08',
    doc: R,
  },
  'addendum.reason': {
    title: 'Reason for the addendum',
    type: 'string',
    since: '1.08',
    doc: R,
    meaning: 'Why this event carries an addendum.',
    values: {
      DELIVERY_DELAY: 'The event was delivered later than usual (for example because of a spike in traffic).',
      UPDATED_DATA: 'A previously delivered event was missing fields or had wrong values; this event replaces it.',
      SERVICE_OUTAGE: 'A service that logs to CloudTrail had an outage; the event is delivered after it recovered.',
    },
  },
  'addendum.updatedFields': {
    title: 'Fields that were updated',
    meaning: 'For UPDATED_DATA: the fields this event corrects.',
    type: 'string',
    since: '1.08',
    doc: R,
  },
  'addendum.originalRequestID': {
    title: 'Request ID of the original event',
    meaning: 'For UPDATED_DATA: the requestID of the event this one replaces.',
    type: 'string',
    since: '1.08',
    doc: R,
  },
  'addendum.originalEventID': {
    title: 'Event ID of the original event',
    meaning: 'For UPDATED_DATA: the eventID of the event this one replaces.',
    type: 'string',
    since: '1.08',
    doc: R,
  },
  sessionCredentialFromConsole: {
    title: 'Console session credentials used outside the console',
    type: BOOLEAN_TEXT,
    since: '1.08',
    doc: R,
    meaning: 'Shows that the request used credentials of a console session through a proxy or other client. Omitted unless true.',
    values: { true: 'The credentials came from a console sign-in session.', false: 'The credentials did not come from a console session.' },
  },
  eventContext: {
    title: 'Enrichment context (CloudTrail Lake)',
    meaning:
      'Request and tag context added by CloudTrail Lake event data stores with enrichment. Never present in trail log files, LookupEvents or EventBridge.',
    type: 'object',
    since: '1.11',
    doc: R,
  },
  'eventContext.requestContext': {
    title: 'Request context (CloudTrail Lake)',
    meaning: 'Context of the request added by CloudTrail Lake enrichment.',
    type: 'object',
    since: '1.11',
    doc: R,
  },
  'eventContext.tagContext': {
    title: 'Tag context (CloudTrail Lake)',
    meaning: 'Resource and principal tags added by CloudTrail Lake enrichment.',
    type: 'object',
    since: '1.11',
    doc: R,
  },
  'eventContext.tagContext.resourceTags': {
    title: 'Tags of the resources (CloudTrail Lake)',
    meaning: 'For each resource ARN, its tags when the event was recorded.',
    type: 'array of {arn, tags}',
    since: '1.11',
    doc: R,
  },
  'eventContext.tagContext.principalTags': {
    title: 'Tags of the principal (CloudTrail Lake)',
    meaning: 'The tags of the calling principal when the event was recorded.',
    type: 'object',
    since: '1.11',
    doc: R,
  },
  edgeDeviceDetails: {
    title: 'Edge device the request targeted',
    meaning: 'Information about an edge device (for example S3 on Outposts) that was the target of the request.',
    type: 'object',
    since: '1.08',
    doc: R,
  },
  tlsDetails: {
    title: 'TLS connection details',
    meaning: "How the caller's TLS connection was made. Absent when an AWS service made the call for you (invokedBy set).",
    type: 'object',
    since: '1.08',
    doc: R,
  },
  'tlsDetails.tlsVersion': {
    title: 'TLS version',
    meaning: 'The TLS protocol version of the connection.',
    type: 'string',
    since: '1.08',
    doc: R,
    values: {
      TLSv1: 'TLS 1.0 (old; AWS endpoints require 1.2 or later).',
      'TLSv1.1': 'TLS 1.1 (old; AWS endpoints require 1.2 or later).',
      'TLSv1.2': 'TLS 1.2.',
      'TLSv1.3': 'TLS 1.3.',
    },
  },
  'tlsDetails.cipherSuite': {
    title: 'TLS cipher suite',
    meaning: 'The cipher suite negotiated for the connection.',
    type: 'string',
    since: '1.08',
    doc: R,
  },
  'tlsDetails.clientProvidedHostHeader': {
    title: 'Host name the client asked for',
    meaning: 'The service endpoint host name the client sent.',
    type: 'string',
    since: '1.08',
    doc: R,
  },
  'tlsDetails.keyExchange': {
    title: 'TLS key exchange',
    meaning: 'The key exchange group of the connection, for example x25519, secp256r1 or the post-quantum X25519MLKEM768.',
    type: 'string',
    doc: R,
  },
  annotation: {
    title: 'Annotation (CloudTrail Lake)',
    meaning: 'A CloudTrail Lake field; not part of trail log files.',
    type: 'string',
    doc: R,
  },
};
