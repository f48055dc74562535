/** Fields specific to sign-in events (signin.amazonaws.com): console, IAM Identity Center, and CLI sign-in (OAuth 2.0). */
import { DOCS } from './docs';
import { field as f } from './field';
import type { FieldTable } from './types';

const S = DOCS.signIn;
const IDC = DOCS.identityCenterSignIn;
const OAUTH = 'A parameter of the OAuth 2.0 authorization with which `aws login` signs the CLI in with a console session';
const OUTCOME = { Success: 'It succeeded.', Failure: 'It failed (see errorMessage).' };

export const SIGN_IN_FIELDS: FieldTable = {
  'responseElements.ConsoleLogin': {
    title: 'Outcome of the console sign-in',
    meaning: 'Whether the sign-in to the AWS Management Console succeeded.',
    type: 'string',
    doc: S,
    values: OUTCOME,
  },
  'responseElements.CheckMfa': {
    title: 'Outcome of the MFA check',
    meaning: 'Whether the multi-factor step of the sign-in succeeded.',
    type: 'string',
    doc: S,
    values: OUTCOME,
  },
  'responseElements.PasswordUpdated': {
    title: 'Outcome of the password change',
    meaning: 'Whether the user changed their password successfully.',
    type: 'string',
    doc: S,
    values: OUTCOME,
  },
  'responseElements.SwitchRole': {
    title: 'Outcome of switching role',
    meaning: 'Whether switching to another role in the console succeeded.',
    type: 'string',
    doc: S,
    values: OUTCOME,
  },
  'additionalEventData.LoginTo': {
    title: 'Where the sign-in led',
    meaning: 'The console page the user was signing in to.',
    type: 'string',
    doc: S,
  },
  'additionalEventData.MobileVersion': {
    title: 'Mobile console',
    meaning: 'Whether the mobile version of the console was used.',
    type: 'string',
    doc: S,
    values: { Yes: 'The mobile console.', No: 'The regular console.' },
  },
  'additionalEventData.MFAUsed': {
    title: 'Whether MFA was used',
    meaning: 'Whether the sign-in used a multi-factor device.',
    type: 'string',
    doc: S,
    values: { Yes: 'MFA was used.', YES: 'MFA was used.', No: 'No MFA: the sign-in relied on the password alone.' },
  },
  'additionalEventData.MFAIdentifier': {
    title: 'The MFA device',
    meaning: 'Identifies the MFA device used (for example its ARN or serial).',
    type: 'string',
    doc: S,
  },
  'additionalEventData.MfaType': {
    title: 'Kind of MFA',
    meaning: 'Which kind of MFA device or method was used, for example U2F MFA.',
    type: 'string',
    doc: S,
  },
  'additionalEventData.CredentialType': {
    title: 'Kind of credential',
    meaning: 'The kind of credential presented at sign-in (several, comma-separated, in UserAuthentication).',
    type: 'string',
    doc: IDC,
    values: {
      PASSWORD: 'A password.',
      TOTP: 'A one-time code from an authenticator app.',
      WEBAUTHN: 'A security key or passkey (WebAuthn).',
      EXTERNAL_IDP: 'A sign-in at an external identity provider.',
      RESYNC_TOTP: 'Resynchronisation of an authenticator app.',
      EMAIL_OTP: 'A one-time password sent by email (first sign-in of a new user).',
      SMARTCARD: 'A smart card.',
      'PASSWORD,TOTP': 'A password and an authenticator code.',
    },
  },
  'additionalEventData.AuthWorkflowID': f(
    'Sign-in sequence',
    'Ties together the CredentialChallenge, CredentialVerification and UserAuthentication events of one sign-in.',
    'string',
    IDC,
  ),
  'additionalEventData.DeviceEnrollmentRequired': f(
    'MFA device registered during sign-in',
    'true when the user had to register an MFA device to finish signing in.',
    'string',
    IDC,
  ),
  'additionalEventData.SwitchFrom': f('Identity switched from', 'The identity that switched role in the console.', 'string', S),
  'additionalEventData.RedirectTo': f('Where the role switch led', 'The console page shown after switching role.', 'string', S),
  'additionalEventData.success': f(
    'Whether the step succeeded',
    'Whether this sign-in step succeeded (text, not a JSON boolean).',
    'string',
    S,
    {
      true: 'It succeeded.',
      false: 'It failed.',
    },
  ),
  'additionalEventData.x-amzn-vpce-id': f(
    'VPC endpoint used for sign-in',
    'The VPC endpoint the sign-in request came through; empty when none.',
    'string',
    S,
  ),
  'serviceEventDetails.CredentialChallenge': f(
    'Outcome of the credential challenge',
    'IAM Identity Center asked the user for a credential (see CredentialType).',
    'string',
    IDC,
    OUTCOME,
  ),
  'serviceEventDetails.CredentialVerification': f(
    'Outcome of the credential check',
    'Whether the credential the user gave was accepted.',
    'string',
    IDC,
    OUTCOME,
  ),
  'serviceEventDetails.UserAuthentication': f(
    'Outcome of the sign-in',
    'The user completed every challenge and is signed in.',
    'string',
    IDC,
    OUTCOME,
  ),
  'requestParameters.scope': f('OAuth scope', `${OAUTH}: the scope asked for (openid).`, 'string', S),
  'requestParameters.redirect_uri': f(
    'OAuth redirect URI',
    `${OAUTH}: where the browser returns the code (a local port of the CLI).`,
    'string',
    S,
  ),
  'requestParameters.code_challenge_method': f('PKCE method', `${OAUTH}: how the code challenge was made.`, 'string', S),
  'requestParameters.client_id': f('OAuth client', `${OAUTH}: the client (arn:aws:signin:::devtools/… for the CLI).`, 'string', S),
  'additionalEventData.SamlProviderArn': {
    title: 'SAML provider',
    meaning: 'The SAML identity provider used for a federated sign-in.',
    type: 'string',
    doc: S,
  },
};
