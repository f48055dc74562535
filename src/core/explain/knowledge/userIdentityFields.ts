/** The userIdentity element of a record and its sub-objects (domain facts §1). */
import { DOCS } from './docs';
import type { FieldTable } from './types';

const U = DOCS.userIdentity;
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

export const USER_IDENTITY_FIELDS: FieldTable = {
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
