/** The outer fields of a LookupEvents result element (the record itself is inside CloudTrailEvent). */
import { DOCS } from './docs';
import type { FieldTable } from './types';

const E = DOCS.lookupEvent;

export const LOOKUP_EVENT_FIELDS: FieldTable = {
  EventId: { title: 'Event ID', meaning: "The CloudTrail event ID (the record's eventID).", type: 'string', doc: E },
  EventName: { title: 'API action', meaning: "The record's eventName.", type: 'string', doc: E },
  ReadOnly: {
    title: 'Read-only operation or not',
    meaning: "The record's readOnly flag, here as text.",
    type: 'string ("true"/"false")',
    doc: E,
    values: { true: 'The operation only reads.', false: 'The operation may change something.' },
  },
  AccessKeyId: { title: 'Access key used', meaning: 'The access key ID that signed the request.', type: 'string', doc: E },
  EventTime: {
    title: 'When the event happened',
    meaning: "The record's eventTime (in CLI output, a timestamp with time zone).",
    type: 'timestamp',
    doc: E,
  },
  EventSource: { title: 'Service', meaning: "The record's eventSource.", type: 'string', doc: E },
  Username: {
    title: 'Who made the request',
    meaning: 'A user name derived from userIdentity (user name, role session name, or service).',
    type: 'string',
    doc: E,
  },
  Resources: {
    title: 'Resources named by the event',
    meaning: 'The resources of the record, as type and name pairs.',
    type: 'array',
    doc: E,
  },
  'Resources[]': { title: 'A resource', meaning: 'One resource the event names.', type: 'object', doc: E },
  'Resources[].ResourceType': { title: 'Resource type', meaning: 'The resource type, for example AWS::KMS::Key.', type: 'string', doc: E },
  'Resources[].ResourceName': { title: 'Resource name', meaning: "The resource's name or ARN.", type: 'string', doc: E },
  CloudTrailEvent: {
    title: 'The full CloudTrail record',
    meaning: 'The complete event record as a JSON string. Hover inside the string to explain its fields.',
    type: 'string (JSON)',
    doc: E,
  },
};
