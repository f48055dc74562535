/** The top-level fields of a CloudTrail record (domain facts §1); userIdentity and Insights fields have their own files. */
import { DOCS } from './docs';
import { INSIGHT_FIELDS } from './insightFields';
import { RECORD_EXTRA_FIELDS } from './recordExtraFields';
import { USER_IDENTITY_FIELDS } from './userIdentityFields';
import { RESOURCE_TYPES } from './resourceTypes';
import type { FieldTable } from './types';

export { PRINCIPAL_TYPES } from './userIdentityFields';

const R = DOCS.recordContents;
const U = DOCS.userIdentity;

const TOP_FIELDS: FieldTable = {
  eventTime: {
    title: 'When the request completed',
    meaning: 'UTC time the request was completed, taken from the clock of the service endpoint that handled it (ISO 8601, to the second).',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  eventVersion: {
    title: 'Version of the record format',
    type: 'string',
    since: '1.0',
    doc: R,
    meaning:
      'Version of the log record format, "major.minor". A new minor version adds fields; a new major version changes or removes them. New event types do not change it. Current is 1.11.',
  },
  userIdentity: {
    title: 'Who made the request',
    meaning:
      'The principal that made the request: its kind (type), identifiers, and for temporary credentials the session it came from. Absent in Insights events; some service events carry only accountId and invokedBy.',
    type: 'object',
    since: '1.0',
    doc: U,
  },
  eventSource: {
    title: 'The service that received the request',
    meaning: 'The service the request was made to, usually written <service>.amazonaws.com (CloudWatch is monitoring.amazonaws.com).',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  eventName: {
    title: 'The API action',
    meaning: 'The name of the API action (or non-API event) that was requested, for example GenerateDataKey or ConsoleLogin.',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  awsRegion: {
    title: 'Region the request was made to',
    meaning: 'The AWS Region the request went to, for example us-west-2.',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  sourceIPAddress: {
    title: 'Where the request came from',
    meaning:
      'The IP address of the caller. When an AWS service made the call for you it may be the service\'s DNS name (for example cloudtrail.amazonaws.com) or "AWS Internal".',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  userAgent: {
    title: 'The client that made the request',
    meaning:
      "The agent string of the caller (console, CLI, SDK, or the calling service's name for calls AWS makes for you). Cut off at 1 KB.",
    type: 'string',
    since: '1.0',
    doc: R,
  },
  errorCode: {
    title: 'Error code of a failed request',
    meaning:
      'The error the service returned, when the request failed (for example AccessDenied). Absent when the request succeeded. Hover the value for why it fails and what to check.',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  errorMessage: {
    title: 'Error description of a failed request',
    meaning: 'The description the service gave for the failure. Some services report errors in responseElements instead.',
    type: 'string',
    since: '1.0',
    doc: R,
  },
  requestParameters: {
    title: 'What the caller asked for',
    meaning:
      'The parameters sent with the request, with member names in camelCase. null when there were none; contents are dropped when larger than 100 KB.',
    type: 'object | null',
    since: '1.0',
    doc: R,
  },
  responseElements: {
    title: 'What the service answered',
    meaning:
      'The response of an action that changes something; null for read-only actions and for actions without a response. Secrets such as plaintext keys are never logged.',
    type: 'object | null',
    since: '1.0',
    doc: R,
  },
  additionalEventData: {
    title: 'Extra data about the event',
    meaning:
      'Information that is neither in the request nor in the response, for example whether MFA was used at sign-in or how an S3 request was signed.',
    type: 'object',
    since: '1.0',
    kms: 'For KMS it names the key material (keyMaterialId) or the custom key store that performed the operation.',
    doc: R,
  },
  requestID: {
    title: 'Request ID',
    meaning: 'The identifier the service gave this request; quote it when you contact AWS Support.',
    type: 'string',
    since: '1.01',
    doc: R,
  },
  eventID: {
    title: 'Event ID',
    meaning: 'A unique identifier CloudTrail generated for this event; use it to tell events apart and to look one up.',
    type: 'string (GUID)',
    since: '1.01',
    doc: R,
  },
  eventType: {
    title: 'Kind of event',
    type: 'string',
    since: '1.02',
    doc: R,
    meaning:
      'What produced the event: an API call, a service acting on its own, a console action or sign-in, an Insights event, or network activity.',
    values: {
      AwsApiCall: 'An API call made by a principal (user, role, or a service using its credentials).',
      AwsServiceEvent:
        'An event the AWS service generated itself, not a call you made (for example a key deleted when its waiting period ends, or a sign-in step).',
      AwsConsoleAction: 'An action in the AWS Management Console that is not an API call.',
      AwsConsoleSignIn: 'A sign-in to the AWS Management Console (or a sign-in step such as an MFA check).',
      AwsConsoleSignin: 'A console sign-in (spelled with a lower-case i in some documented events; the same as AwsConsoleSignIn).',
      AwsCloudTrailInsight: 'A CloudTrail Insights event: unusual API call or error rates were detected (see insightDetails).',
      AwsVpceEvent:
        'A network activity event: a request that went through a VPC endpoint, logged for the endpoint owner (vpcEndpointAccountId); denials by the endpoint policy show errorCode VpceAccessDenied.',
      AwsVpceEvents: 'A network activity event (the plural spelling used on one documentation page; events use AwsVpceEvent).',
    },
  },
  apiVersion: {
    title: 'API version',
    meaning: 'The version of the service API that was called (for AwsApiCall events of services that version their API).',
    type: 'string',
    since: '1.01',
    doc: R,
  },
  managementEvent: {
    title: 'Management event or not',
    type: 'boolean',
    since: '1.06',
    doc: R,
    meaning:
      'Whether the event is a management (control plane) event. Present from eventVersion 1.06 for API calls, console actions and sign-ins, and service events.',
    kms: 'KMS cryptographic operations (Encrypt, Decrypt, GenerateDataKey…) count as management events.',
    values: {
      true: 'A management event: an operation on the configuration or the resources of your account.',
      false: 'Not a management event: a data event (an operation on the data in a resource, such as reading an S3 object).',
    },
  },
  readOnly: {
    title: 'Read-only operation or not',
    type: 'boolean',
    since: '1.01',
    doc: R,
    meaning: 'Whether the operation only reads.',
    kms: 'KMS logs its cryptographic operations (Encrypt, Decrypt, GenerateDataKey…) as read-only.',
    values: {
      true: 'The operation only reads; it changes no resource.',
      false: 'The operation may change something (create, update, delete, grant…).',
    },
  },
  resources: {
    title: 'Resources the request touched',
    meaning: 'The resources the event names, each with its ARN, the owning account and a type such as AWS::S3::Bucket.',
    kms: 'For a KMS event these are the KMS keys (ReEncrypt lists the source key, then the destination key).',
    type: 'array of {ARN, accountId, type}',
    since: '1.01',
    doc: R,
  },
  'resources[]': {
    title: 'A resource the request touched',
    meaning: 'One resource named by the event: its ARN, the owning account and its type.',
    type: 'object',
    since: '1.01',
    doc: R,
  },
  'resources[].ARN': {
    title: 'ARN of the resource',
    meaning: 'The Amazon Resource Name of the resource.',
    kms: 'For KMS events it is the key ARN, the key the request resolved to.',
    type: 'string',
    since: '1.01',
    doc: R,
  },
  'resources[].accountId': {
    title: 'Account that owns the resource',
    meaning: 'The 12-digit account that owns the resource; can be "AWS Internal" for resources owned by AWS.',
    type: 'string',
    since: '1.01',
    doc: R,
  },
  'resources[].type': {
    title: 'Type of the resource',
    meaning: 'The resource type, written AWS::<Service>::<Type>.',
    type: 'string',
    since: '1.01',
    doc: R,
    values: RESOURCE_TYPES,
  },
  recipientAccountId: {
    title: 'Account that received this event',
    meaning:
      "The account this copy of the event was delivered to. When a call crosses accounts, the caller's account and the resource owner's account each get a copy (with the same sharedEventID), so it can differ from userIdentity.accountId.",
    type: 'string',
    since: '1.02',
    doc: R,
  },
  serviceEventDetails: {
    title: 'Details of a service event',
    meaning: 'What happened in an AwsServiceEvent, as the service reports it.',
    type: 'object',
    since: '1.05',
    doc: R,
  },
  sharedEventID: {
    title: 'ID shared by the copies of one action',
    meaning:
      'When one action is delivered to several accounts (caller, resource owner, VPC endpoint owner), each copy carries the same sharedEventID: search for it in the other account to find its copy. In Insights events it links the Start and End events.',
    type: 'string (GUID)',
    since: '1.03',
    doc: R,
  },
  vpcEndpointId: {
    title: 'VPC endpoint the request used',
    meaning: 'The VPC endpoint the request went through (for AWS-originated calls it may be "AWS Internal" or a service name).',
    type: 'string',
    since: '1.04',
    doc: R,
  },
  vpcEndpointAccountId: {
    title: 'Account that owns the VPC endpoint',
    meaning:
      'The account that owns the VPC endpoint the request went through. Network activity events are delivered to the endpoint owner: when it equals recipientAccountId this is the endpoint owner’s copy, and a caller from another account (userIdentity.accountId) is not the endpoint owner.',
    type: 'string',
    since: '1.09',
    doc: R,
  },
  eventCategory: {
    title: 'Category of the event',
    type: 'string',
    since: '1.07',
    doc: R,
    meaning: 'Which kind of logging recorded the event.',
    values: {
      Management: 'A management event (control plane).',
      Data: 'A data event: an operation on the data inside a resource (S3 object reads and writes, Lambda invocations…); logged only when the trail selects data events.',
      NetworkActivity: 'A network activity event: a call through a VPC endpoint.',
      Insight: 'An Insights event about unusual activity.',
    },
  },
};

export const RECORD_FIELDS: FieldTable = { ...TOP_FIELDS, ...RECORD_EXTRA_FIELDS, ...INSIGHT_FIELDS, ...USER_IDENTITY_FIELDS };

/** The three keys of the log file wrapper. */
export const CONTAINER_FIELDS: FieldTable = {
  Records: {
    title: 'The events of a CloudTrail log file',
    meaning:
      'A log file delivered by a trail is one JSON object with a Records array; each element is one event. Records are not in time order.',
    type: 'array',
    doc: DOCS.logFileExamples,
  },
  Events: {
    title: 'Events returned by LookupEvents',
    meaning: 'LookupEvents output: each element summarises one management event, with the full record as a JSON string in CloudTrailEvent.',
    type: 'array',
    doc: DOCS.lookupEvents,
  },
  NextToken: {
    title: 'Token for the next page',
    meaning: 'Pass it to the next LookupEvents call (with the same parameters) to get the following page.',
    type: 'string',
    doc: DOCS.lookupEvents,
  },
};
