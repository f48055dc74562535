/** AWS STS events (AssumeRole*, GetFederationToken…): the members an analyst pivots on to follow a session. */
import { DOCS } from './docs';
import { field as f } from './field';
import type { FieldTable } from './types';

const S = DOCS.stsApi;
const TAGS = DOCS.sessionTags;
const TAG = f(
  'A session tag',
  'One tag of the session: its key is the tag name, its value the tag value; policies see it as aws:PrincipalTag/<name>.',
  'string',
  TAGS,
);

/** Temporary credentials in a response (STS, Cognito GetCredentialsForIdentity). */
export const CREDENTIALS: FieldTable = {
  'responseElements.credentials': f(
    'The temporary credentials issued',
    'The access key ID and expiry of the new session (the secret access key is never logged).',
    'object',
    S,
  ),
  'responseElements.credentials.accessKeyId': f(
    'Access key ID of the new session',
    'The temporary access key ID (ASIA…) handed out. Every later call made with it shows this value in userIdentity.accessKeyId: search for it to follow the session.',
    'string',
    S,
  ),
  'responseElements.credentials.sessionToken': f(
    'Session token',
    'The session token of the temporary credentials (logged, but useless without the secret key).',
    'string',
    S,
  ),
  'responseElements.credentials.expiration': f(
    'When the credentials expire',
    'The expiry of the temporary credentials (a locale-formatted time).',
    'string',
    S,
  ),
};

export const STS_FIELDS: FieldTable = {
  ...CREDENTIALS,
  'requestParameters.roleArn': f(
    'Role to assume',
    'The ARN of the role the caller asked to assume; its account owns the role and receives a copy of the event.',
    'string',
    S,
  ),
  'requestParameters.roleSessionName': f(
    'Session name',
    'The name the caller gave the session; it becomes the last part of the assumed-role ARN (assumed-role/<role>/<session>) in every later event of the session.',
    'string',
    S,
  ),
  'requestParameters.sourceIdentity': f(
    'Source identity requested',
    'The identity the caller set for the session (sts:SetSourceIdentity); it cannot be changed later in a role chain, so it names the original person or application.',
    'string',
    DOCS.sourceIdentity,
  ),
  'requestParameters.durationSeconds': f('Requested session length', 'How long the credentials should last, in seconds.', 'number', S),
  'requestParameters.externalId': f(
    'External ID',
    'The external ID the role’s trust policy may require (confused-deputy protection for third parties).',
    'string',
    S,
  ),
  'requestParameters.serialNumber': f(
    'MFA device',
    'The ARN or serial number of the MFA device the caller authenticated with.',
    'string',
    S,
  ),
  'requestParameters.tokenCode': f('MFA code', 'Whether an MFA code was sent (the code itself is not useful later).', 'string', S),
  'requestParameters.policy': f('Session policy', 'An inline session policy that narrows what the session may do.', 'string', S),
  'requestParameters.policyArns': f('Managed session policies', 'Managed policies that narrow what the session may do.', 'array', S),
  'requestParameters.policyArns[]': f('A managed session policy', 'One managed policy that narrows the session.', 'object', S),
  'requestParameters.policyArns[].arn': f('Policy ARN', 'The ARN of a managed session policy.', 'string', S),
  'requestParameters.tags': f(
    'Session tags',
    'Tags passed to the session; policies see them as aws:PrincipalTag/<key>.',
    'array of {key, value}',
    TAGS,
  ),
  'requestParameters.tags[]': f('A session tag', 'One session tag (key and value).', 'object', TAGS),
  'requestParameters.tags[].key': f('Session tag key', 'The name of a session tag.', 'string', TAGS),
  'requestParameters.tags[].value': f('Session tag value', 'The value of a session tag.', 'string', TAGS),
  'requestParameters.transitiveTagKeys': f(
    'Transitive tags',
    'The session tags that carry over when this session assumes another role (role chaining).',
    'array of strings',
    TAGS,
  ),
  'requestParameters.incomingTransitiveTags': f(
    'Tags inherited from the previous session',
    'Transitive session tags the caller’s own session carried into this request (role chaining).',
    'map of string to string',
    TAGS,
    undefined,
    { entries: TAG },
  ),
  'requestParameters.principalTags': f(
    'Session tags from the identity provider',
    'Tags passed in the SAML assertion or the web identity token; policies see them as aws:PrincipalTag/<key>.',
    'map of string to string',
    TAGS,
    undefined,
    { entries: TAG },
  ),
  'requestParameters.sAMLAssertionID': f(
    'SAML assertion ID',
    'The ID of the SAML assertion that was presented; it ties the event to the identity provider’s own log.',
    'string',
    S,
  ),
  'requestParameters.principalArn': f(
    'SAML provider',
    'The ARN of the SAML identity provider in IAM that vouched for the user.',
    'string',
    S,
  ),
  'requestParameters.providerId': f(
    'Web identity provider',
    'The OAuth 2.0 provider (for example www.amazon.com) of the web identity token.',
    'string',
    S,
  ),
  'requestParameters.name': f('Federated user name', 'GetFederationToken: the name of the federated user.', 'string', S),
  'requestParameters.targetPrincipal': f(
    'Member account of the root session',
    'AssumeRoot: the member account whose root user session was requested.',
    'string',
    S,
  ),
  'requestParameters.taskPolicyArn': f(
    'Task policy of the root session',
    'AssumeRoot: the managed policy that limits what the root session may do.',
    'object',
    S,
  ),
  'responseElements.assumedRoleUser': f(
    'The new role session',
    'The ID and ARN of the assumed-role session the credentials belong to.',
    'object',
    S,
  ),
  'responseElements.assumedRoleUser.assumedRoleId': f(
    'ID of the role session',
    'The role ID and session name (AROA…:session); later events of the session show it as userIdentity.principalId.',
    'string',
    S,
  ),
  'responseElements.assumedRoleUser.arn': f(
    'ARN of the role session',
    'The assumed-role ARN (arn:aws:sts::<account>:assumed-role/<role>/<session>) that later events show as userIdentity.arn.',
    'string',
    S,
  ),
  'responseElements.federatedUser': f('The federated user', 'The ID and ARN of the federated user the credentials belong to.', 'object', S),
  'responseElements.federatedUser.federatedUserId': f('Federated user ID', 'The account and user name of the federated user.', 'string', S),
  'responseElements.federatedUser.arn': f('Federated user ARN', 'The ARN later events show as userIdentity.arn.', 'string', S),
  'responseElements.packedPolicySize': f(
    'Size of session policies and tags',
    'Percentage of the allowed size that session policies and tags use.',
    'number',
    S,
  ),
  'responseElements.sourceIdentity': f(
    'Source identity of the session',
    'The source identity the new session carries (see requestParameters.sourceIdentity).',
    'string',
    DOCS.sourceIdentity,
  ),
  'responseElements.subject': f('SAML subject', 'The NameID the SAML assertion gave the user.', 'string', S),
  'responseElements.subjectType': f('SAML subject format', 'The format of the NameID (persistent, transient or a full URI).', 'string', S),
  'responseElements.issuer': f('SAML issuer', 'The issuer of the SAML assertion (the identity provider).', 'string', S),
  'responseElements.audience': f(
    'Audience',
    'SAML: the recipient the assertion was meant for; web identity: the client ID of the application.',
    'string',
    S,
  ),
  'responseElements.nameQualifier': f(
    'SAML name qualifier',
    'A hash of the issuer, the account and the provider name; with subject it identifies the federated user uniquely.',
    'string',
    S,
  ),
  'responseElements.provider': f('Web identity provider', 'The identity provider that issued the web identity token.', 'string', S),
  'responseElements.subjectFromWebIdentityToken': f(
    'Web identity subject',
    'The user ID (sub claim) from the web identity token.',
    'string',
    S,
  ),
  'additionalEventData.RequestDetails': f(
    'Which STS endpoint served the call',
    'The endpoint type and the Region that served a request to the global endpoint.',
    'object',
    DOCS.sts,
  ),
  'additionalEventData.RequestDetails.awsServingRegion': f(
    'Region that served the request',
    'The Region whose STS served the request.',
    'string',
    DOCS.sts,
  ),
  'additionalEventData.RequestDetails.endpointType': f(
    'Global or regional endpoint',
    'Whether the global endpoint (sts.amazonaws.com) or a regional one served the request.',
    'string',
    DOCS.sts,
    {
      global: 'The global endpoint (sts.amazonaws.com); such events are logged in us-east-1.',
      regional: 'A regional endpoint.',
    },
  ),
  'additionalEventData.identityProviderConnectionVerificationMethod': f(
    'How AWS verified the OIDC provider',
    'How AWS checked the TLS certificate of the OIDC identity provider.',
    'string',
    DOCS.sts,
    {
      IAMTrustStore: 'With AWS’s library of trusted root certificate authorities.',
      Thumbprint: 'With the certificate thumbprint set in the IAM OIDC provider.',
    },
  ),
  'additionalEventData.explicitTrustGrant': f(
    'Explicit trust for assuming itself',
    'For a role assuming itself: whether its trust policy explicitly allows it.',
    'boolean',
    DOCS.sts,
    {
      true: 'The trust policy explicitly allows the role to assume itself.',
      false: 'The legacy behaviour allowed it without an explicit statement.',
    },
  ),
};
