/** Who made a request, named from userIdentity the way an analyst says it ("role Admin (session alice)"), ARNs kept intact. */
import { parseArn } from '../arn';
import { serviceName } from './knowledge/serviceNames';
import { obj, str } from './values';

/** The part of an ARN resource after `<kind>/`, e.g. `user/Alice` → `Alice`. */
function arnName(arn: string | undefined, kind: string): string | undefined {
  const parsed = arn ? parseArn(arn) : undefined;
  if (!parsed || !parsed.resource.startsWith(`${kind}/`)) return undefined;
  return parsed.resource.slice(kind.length + 1) || undefined;
}

/** A short, readable name of who made the request. */
export function principalLabel(userIdentity: unknown): string | undefined {
  const identity = obj(userIdentity);
  if (!identity) return undefined;
  const type = str(identity.type);
  const arn = str(identity.arn);
  const userName = str(identity.userName);
  const account = str(identity.accountId);
  const issuer = obj(obj(identity.sessionContext)?.sessionIssuer);
  const invokedBy = str(identity.invokedBy);
  switch (type) {
    case 'IAMUser': {
      const name = userName ?? arnName(arn, 'user');
      if (name && name !== 'HIDDEN_DUE_TO_SECURITY_REASONS') return `IAM user ${name}`;
      if (name) return `an IAM user whose name is hidden (account ${account ?? 'unknown'})`;
      return arn ?? 'an IAM user';
    }
    case 'AssumedRole': {
      const session = arnName(arn, 'assumed-role');
      const role = str(issuer?.userName) ?? session?.split('/')[0];
      const sessionName = session?.split('/').slice(1).join('/');
      if (role) return sessionName ? `role ${role} (session ${sessionName})` : `role ${role}`;
      return arn ?? 'an assumed role';
    }
    case 'Role':
      return arnName(arn, 'role') ? `role ${arnName(arn, 'role')}` : (arn ?? 'a role');
    case 'Root':
      return `the root user of account ${account ?? '(unknown)'}`;
    case 'AWSService':
      return invokedBy ? serviceName(invokedBy) : 'an AWS service';
    case 'AWSAccount':
      return `account ${account ?? '(unknown)'}`;
    case 'FederatedUser':
      return arnName(arn, 'federated-user') ? `federated user ${arnName(arn, 'federated-user')}` : (arn ?? 'a federated user');
    case 'SAMLUser':
      return userName ? `SAML user ${userName}` : 'a SAML user';
    case 'WebIdentityUser':
      return userName ? `web identity user ${userName}` : 'a web identity user';
    case 'IdentityCenterUser':
      return `IAM Identity Center user ${str(obj(identity.onBehalfOf)?.userId) ?? ''}`.trim();
    case 'Directory':
      return userName ? `directory user ${userName}` : 'a directory user';
    case 'Unknown':
      return account ? `an unknown principal of account ${account}` : 'an unknown principal';
    default:
      if (!type && invokedBy) return serviceName(invokedBy);
      return arn ?? userName ?? (type ? 'a principal of an unlisted type' : undefined);
  }
}

const OURS = ['the ', 'an ', 'a ', 'account ', 'role ', 'iam ', 'federated ', 'saml ', 'web ', 'directory ', 'aws ', 'amazon '];

/** Starts a sentence with a label: our own words get a capital; a value from the log (an ARN, a name) stays as logged. */
export function sentenceStart(label: string): string {
  const lower = label.toLowerCase();
  return OURS.some((word) => lower.startsWith(word)) ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}
