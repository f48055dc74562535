/** The fields of a CloudTrail record (domain facts §1), including userIdentity and its sub-objects. */
import { DOCS } from './docs';
import type { FieldTable } from './types';

const R = DOCS.recordContents;
const U = DOCS.userIdentity;
const I = DOCS.insights;

const BOOLEAN_TEXT = 'string holding "true" or "false" (text, not a JSON boolean)';

export const PRINCIPAL_TYPES: Readonly<Record<string, string>> = {
  Root: 'The account root user (the email-and-password owner of the account). userName is the account alias when one is set.',
  IAMUser: 'An IAM user with long-term credentials (password or access key).',
  AssumedRole:
    'Temporary credentials from assuming a role (sts:AssumeRole and friends; also EC2 instance roles and cross-account access). The role itself is in sessionContext.sessionIssuer.',
  Role: 'An IAM role acting as itself; it is the issuer of role sessions.',
  FederatedUser:
    'Temporary credentials from sts:GetFederationToken; sessionIssuer says whether the root user or an IAM user asked for them.',
  Directory: 'An identity from a directory service (for example WorkDocs or QuickSight); the exact kind is not known to CloudTrail.',
  AWSAccount: 'Another AWS account used a role or resource you own.',
  AWSService: 'An AWS service account made the request, typically a service acting for you (see invokedBy).',
  IdentityCenterUser: 'Made on behalf of an IAM Identity Center user (see onBehalfOf and credentialId).',
  SAMLUser: 'A user federated through SAML (AssumeRoleWithSAML).',
  WebIdentityUser: 'A user federated through a web identity provider (AssumeRoleWithWebIdentity).',
  Unknown: 'CloudTrail could not determine who made the request.',
};

export const RECORD_FIELDS: FieldTable = {
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
      'The error the service returned, when the request failed (for example AccessDeniedException). Absent when the request succeeded.',
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
      'Information that is neither in the request nor in the response, for example whether MFA was used at sign-in or the key material a KMS operation used.',
    type: 'object',
    since: '1.0',
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
        'An event the AWS service generated itself, not a call you made (for example KMS deleting a key when its waiting period ends, or rotating key material).',
      AwsConsoleAction: 'An action in the AWS Management Console that is not an API call.',
      AwsConsoleSignIn: 'A sign-in to the AWS Management Console (or a sign-in step such as an MFA check).',
      AwsCloudTrailInsight: 'A CloudTrail Insights event: unusual API call or error rates were detected (see insightDetails).',
      AwsVpceEvent: 'A network activity event: a request that went through a VPC endpoint.',
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
    values: {
      true: 'A management event: an operation on the configuration or the resources of your account (KMS cryptographic operations count as management events too).',
      false: 'Not a management event: a data event (an operation on the data in a resource, such as reading an S3 object).',
    },
  },
  readOnly: {
    title: 'Read-only operation or not',
    type: 'boolean',
    since: '1.01',
    doc: R,
    meaning: 'Whether the operation only reads. KMS cryptographic operations (Encrypt, Decrypt, GenerateDataKey…) are logged as read-only.',
    values: {
      true: 'The operation only reads; it changes no resource. KMS logs its cryptographic operations this way.',
      false: 'The operation may change something (create, update, delete, grant…).',
    },
  },
  resources: {
    title: 'Resources the request touched',
    meaning:
      'The resources the event names, each with its ARN, the owning account and a type such as AWS::KMS::Key. For a KMS event this is the KMS key.',
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
    meaning:
      'The Amazon Resource Name of the resource. For KMS events it is the key ARN (ReEncrypt lists the source key, then the destination key).',
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
    values: {
      'AWS::KMS::Key': 'A KMS key.',
      'AWS::IAM::Role': 'An IAM role.',
      'AWS::S3::Object': 'An S3 object.',
      'AWS::S3::Bucket': 'An S3 bucket.',
      'AWS::CloudTrail::Trail': 'A CloudTrail trail.',
      'AWS::CloudTrail::Channel': 'A CloudTrail channel (for example a service-linked channel through which a service delivers events).',
    },
  },
  recipientAccountId: {
    title: 'Account that received this event',
    meaning:
      "The account this copy of the event was delivered to. It differs from userIdentity.accountId when the caller used another account's resource, for example a KMS key shared across accounts.",
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
      'When one action is delivered to several accounts (caller and resource owner), each copy carries the same sharedEventID. In Insights events it links the Start and End events.',
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
    meaning: 'The account of the owner of the VPC endpoint the request went through.',
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
      Management: 'A management event (control plane, including KMS cryptographic operations).',
      Data: 'A data event: an operation on the data inside a resource (S3 object reads and writes, Lambda invocations…); logged only when the trail selects data events.',
      NetworkActivity: 'A network activity event: a call through a VPC endpoint.',
      Insight: 'An Insights event about unusual activity.',
    },
  },
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
  insightDetails: {
    title: 'What the Insights event found',
    meaning:
      'For Insights events: which API and which kind of unusual activity, whether it starts or ends here, and the statistics behind it.',
    type: 'object',
    since: '1.07',
    doc: I,
  },
  'insightDetails.state': {
    title: 'Start or end of the unusual activity',
    meaning: 'Whether this event marks the start or the end of the unusual activity; the pair shares a sharedEventID.',
    type: 'string',
    since: '1.07',
    doc: I,
    values: { Start: 'The unusual activity began.', End: 'The unusual activity ended.' },
  },
  'insightDetails.eventSource': {
    title: 'Service of the unusual activity',
    meaning: 'The service whose API showed unusual activity.',
    type: 'string',
    since: '1.07',
    doc: I,
  },
  'insightDetails.eventName': {
    title: 'API of the unusual activity',
    meaning: 'The API action that showed unusual activity.',
    type: 'string',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightType': {
    title: 'Kind of unusual activity',
    meaning: 'What was unusual about the API activity.',
    type: 'string',
    since: '1.07',
    doc: I,
    values: {
      ApiCallRateInsight: 'An unusual number of calls to a write API.',
      ApiErrorRateInsight: 'An unusual number of calls that failed.',
    },
  },
  'insightDetails.errorCode': {
    title: 'Error code of the failing calls',
    meaning: 'For ApiErrorRateInsight: the error the unusual calls returned.',
    type: 'string',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext': {
    title: 'Numbers behind the Insights event',
    meaning: 'Statistics (baseline against insight) and attributions of the unusual activity.',
    type: 'object',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics': {
    title: 'Baseline and unusual rates',
    meaning: 'The average rate during the baseline period and during the unusual period, and how long each lasted (minutes).',
    type: 'object',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics.baseline': {
    title: 'Normal rate',
    meaning: 'The average rate of calls (or errors) in the baseline period.',
    type: 'object',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics.baseline.average': {
    title: 'Normal average',
    meaning: 'Average per minute in the baseline period.',
    type: 'number',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics.insight': {
    title: 'Unusual rate',
    meaning: 'The average rate of calls (or errors) during the unusual activity.',
    type: 'object',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics.insight.average': {
    title: 'Unusual average',
    meaning: 'Average per minute during the unusual activity.',
    type: 'number',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics.insightDuration': {
    title: 'Length of the unusual activity',
    meaning: 'How long the unusual activity lasted, in minutes.',
    type: 'number',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.statistics.baselineDuration': {
    title: 'Length of the baseline',
    meaning: 'How long the baseline period was, in minutes (at least a week).',
    type: 'number',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions': {
    title: 'Who or what drove the unusual activity',
    meaning:
      'Top values (up to five each) of caller ARN, user agent, error code or resource during the unusual period compared with the baseline.',
    type: 'array',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[]': {
    title: 'One attribution',
    meaning: 'An attribute and its top values during the unusual and the baseline periods.',
    type: 'object',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[].attribute': {
    title: 'Attribute the values are about',
    meaning: 'Which attribute the listed values belong to.',
    type: 'string',
    since: '1.07',
    doc: I,
    values: {
      userIdentityArn: 'The caller ARN.',
      userAgent: 'The client user agent.',
      errorCode: 'The error code.',
      resourceArn: 'The resource ARN.',
    },
  },
  'insightDetails.insightContext.attributions[].insight': {
    title: 'Top values during the unusual activity',
    meaning: 'The top values and their averages during the unusual period.',
    type: 'array of {value, average}',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[].baseline': {
    title: 'Top values during the baseline',
    meaning: 'The top values and their averages during the baseline period.',
    type: 'array of {value, average}',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[].insight[].value': {
    title: 'An attribute value',
    meaning: 'One of the top values of the attribute.',
    type: 'string',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[].insight[].average': {
    title: 'Its average',
    meaning: 'Average number per minute for this attribute value.',
    type: 'number',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[].baseline[].value': {
    title: 'An attribute value',
    meaning: 'One of the top values of the attribute.',
    type: 'string',
    since: '1.07',
    doc: I,
  },
  'insightDetails.insightContext.attributions[].baseline[].average': {
    title: 'Its average',
    meaning: 'Average number per minute for this attribute value.',
    type: 'number',
    since: '1.07',
    doc: I,
  },

  // userIdentity
  'userIdentity.type': {
    title: 'Kind of principal',
    meaning: 'What kind of identity made the request. Some AWS service events have no type at all.',
    type: 'string',
    since: '1.0',
    doc: U,
    values: PRINCIPAL_TYPES,
  },
  'userIdentity.principalId': {
    title: 'Unique ID of the principal',
    meaning: 'A unique identifier of the entity. For temporary credentials it includes the session name after a colon (AROA…:session).',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.arn': {
    title: 'ARN of the caller',
    meaning:
      'The ARN of the principal that made the call. For an assumed role it is the session ARN (arn:aws:sts::<account>:assumed-role/<role>/<session>); the role itself is in sessionContext.sessionIssuer.arn.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.accountId': {
    title: 'Account of the caller',
    meaning: 'The account that owns the entity that granted the permissions for the request.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.accessKeyId': {
    title: 'Access key used to sign the request',
    meaning:
      'The access key ID that signed the request (ASIA… for temporary credentials, AKIA… for long-term keys). Can be absent or empty, for example for console sign-ins.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.userName': {
    title: 'Friendly name of the caller',
    meaning:
      'The name of the user (or the account alias for the root user). Absent for assumed roles (see sessionIssuer.userName). HIDDEN_DUE_TO_SECURITY_REASONS appears when a sign-in failed with an unknown user name.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.invokedBy': {
    title: 'Service that made the request for the principal',
    meaning:
      'The AWS service that made the request on the principal\'s behalf, for example cloudtrail.amazonaws.com, s3.amazonaws.com or secretsmanager.amazonaws.com; "AWS Internal" for calls made inside AWS.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.invokedByDelegate': {
    title: 'Provider using delegated access',
    meaning: 'The account of a product provider that made the request with temporary delegated access.',
    type: 'object',
    doc: U,
  },
  'userIdentity.invokedByDelegate.accountId': {
    title: 'Account of the delegated provider',
    meaning: 'The account ID of the provider using delegated access.',
    type: 'string',
    doc: U,
  },
  'userIdentity.sessionContext': {
    title: 'The temporary-credentials session',
    meaning:
      'Present when the request used temporary credentials: who issued the session, when it was created, whether MFA was used, and federation details.',
    type: 'object',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.sessionIssuer': {
    title: 'Who issued the session',
    meaning:
      'The entity that issued the temporary credentials: the role for an assumed-role session, the IAM user or root for a federation token. Can be empty.',
    type: 'object',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.sessionIssuer.type': {
    title: 'Kind of session issuer',
    meaning: 'What kind of entity issued the session.',
    type: 'string',
    since: '1.0',
    doc: U,
    values: {
      Root: 'The account root user issued the credentials.',
      IAMUser: 'An IAM user issued the credentials (for example through GetFederationToken).',
      Role: 'An IAM role: the credentials are a session of this role.',
    },
  },
  'userIdentity.sessionContext.sessionIssuer.principalId': {
    title: 'ID of the session issuer',
    meaning: 'The unique ID of the role or user that issued the session (AROA… for a role).',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.sessionIssuer.arn': {
    title: 'ARN of the session issuer',
    meaning:
      'The ARN of the role (or user) the temporary credentials came from, e.g. arn:aws:iam::<account>:role/<name>. This is the IAM entity whose policies applied.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.sessionIssuer.accountId': {
    title: 'Account of the session issuer',
    meaning: 'The account that owns the role or user that issued the session.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.sessionIssuer.userName': {
    title: 'Name of the session issuer',
    meaning: 'The friendly name of the role or user that issued the session.',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.webIdFederationData': {
    title: 'Web identity federation details',
    meaning:
      'For credentials from AssumeRoleWithWebIdentity: the identity provider and the attributes it passed. Empty when there is nothing to tell.',
    type: 'object',
    doc: U,
  },
  'userIdentity.sessionContext.webIdFederationData.federatedProvider': {
    title: 'Web identity provider',
    meaning: 'The identity provider that authenticated the user, for example accounts.google.com or cognito-identity.amazonaws.com.',
    type: 'string',
    doc: U,
  },
  'userIdentity.sessionContext.webIdFederationData.attributes': {
    title: 'Attributes from the identity provider',
    meaning: 'Application and user identifiers the web identity provider passed along.',
    type: 'object',
    doc: U,
  },
  'userIdentity.sessionContext.attributes': {
    title: 'Session attributes',
    meaning: 'When the session was created and whether it was authenticated with MFA.',
    type: 'object',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.attributes.creationDate': {
    title: 'When the session was created',
    meaning: 'The time the temporary credentials were issued (ISO 8601, UTC).',
    type: 'string',
    since: '1.0',
    doc: U,
  },
  'userIdentity.sessionContext.attributes.mfaAuthenticated': {
    title: 'Whether MFA was used',
    type: BOOLEAN_TEXT,
    since: '1.0',
    doc: U,
    meaning: 'Whether the principal whose credentials were used authenticated with a multi-factor device.',
    values: {
      true: 'The credentials were issued after authenticating with MFA.',
      false: 'No MFA was used when these credentials were obtained.',
    },
  },
  'userIdentity.sessionContext.sourceIdentity': {
    title: 'Source identity of the session',
    meaning:
      'The source identity set when the role was assumed (sts:SetSourceIdentity); it stays with the session through role chaining, so it names the original person or application.',
    type: 'string',
    doc: U,
  },
  'userIdentity.sessionContext.ec2RoleDelivery': {
    title: 'How an EC2 instance got its role credentials',
    type: 'string',
    doc: U,
    meaning: 'For credentials of an EC2 instance role: which version of the instance metadata service delivered them.',
    values: {
      '1.0': 'Delivered through IMDSv1 (no session token required; the older, less protected way).',
      '2.0': 'Delivered through IMDSv2 (session-oriented, token required).',
    },
  },
  'userIdentity.sessionContext.assumedRoot': {
    title: 'Session from sts:AssumeRoot',
    type: 'boolean',
    doc: U,
    meaning: 'Marks a privileged root-user session obtained with sts:AssumeRoot.',
    values: { true: 'The session was obtained with sts:AssumeRoot (a task-scoped root session).', false: 'Not an AssumeRoot session.' },
  },
  'userIdentity.sessionContext.signInSessionArn': {
    title: 'Console sign-in session',
    meaning:
      'The ARN of the sign-in session the credentials belong to (arn:aws:signin:<region>:<account>:session/<id>); the same value policies see as aws:SignInSessionArn.',
    type: 'string',
    doc: U,
  },
  'userIdentity.onBehalfOf': {
    title: 'The IAM Identity Center user',
    meaning: 'For IdentityCenterUser: which Identity Center user the request was made for.',
    type: 'object',
    doc: U,
  },
  'userIdentity.onBehalfOf.userId': {
    title: 'Identity Center user ID',
    meaning: 'The ID of the IAM Identity Center user.',
    type: 'string',
    doc: U,
  },
  'userIdentity.onBehalfOf.identityStoreArn': {
    title: 'Identity store',
    meaning: 'The ARN of the identity store that holds the user.',
    type: 'string',
    doc: U,
  },
  'userIdentity.inScopeOf': {
    title: 'Resource the credentials were issued to',
    meaning:
      'For credentials a service issued to one of your resources (for example a Lambda function or an EC2 instance): which resource and by which kind of issuer.',
    type: 'object',
    doc: U,
  },
  'userIdentity.inScopeOf.sourceArn': {
    title: 'Resource that triggered the request',
    meaning: 'The ARN of the resource in whose scope the request was made.',
    type: 'string',
    doc: U,
  },
  'userIdentity.inScopeOf.sourceAccount': {
    title: 'Account of that resource',
    meaning: 'The account that owns the sourceArn resource.',
    type: 'string',
    doc: U,
  },
  'userIdentity.inScopeOf.issuerType': {
    title: 'Kind of resource the credentials were issued to',
    meaning: 'The resource type that received the credentials, for example AWS::Lambda::Function or AWS::EC2::Instance.',
    type: 'string',
    doc: U,
  },
  'userIdentity.inScopeOf.credentialsIssuedTo': {
    title: 'Resource that holds the credentials',
    meaning: 'The ARN of the resource the credentials were issued to.',
    type: 'string',
    doc: U,
  },
  'userIdentity.inScopeOf.credentialsIssuedToVersion': {
    title: 'Version of that resource',
    meaning: 'Seen in real events (not in the user guide): the version ARN of the resource, e.g. a Lambda function version.',
    type: 'string',
    doc: U,
  },
  'userIdentity.credentialId': {
    title: 'Bearer token credential ID',
    meaning: 'The ID of the bearer-token credential used (for example an IAM Identity Center access token).',
    type: 'string',
    doc: U,
  },
  'userIdentity.identityProvider': {
    title: 'Identity provider of a federated user',
    meaning: 'For SAMLUser, the SAML name qualifier; for WebIdentityUser, the issuer (for example cognito-identity.amazon.com).',
    type: 'string',
    doc: U,
  },
};

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
