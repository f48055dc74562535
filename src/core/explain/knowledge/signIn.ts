/** Fields specific to console sign-in events (signin.amazonaws.com). */
import { DOCS } from './docs';
import type { FieldTable } from './types';

const S = DOCS.signIn;
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
    meaning: 'The kind of credential presented at sign-in.',
    type: 'string',
    doc: S,
  },
  'additionalEventData.SamlProviderArn': {
    title: 'SAML provider',
    meaning: 'The SAML identity provider used for a federated sign-in.',
    type: 'string',
    doc: S,
  },
};
