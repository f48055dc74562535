/**
 * What a key policy leaves to IAM: the caller's own IAM policies for kms:Decrypt on a key (IAM SimulatePrincipalPolicy,
 * which also reports SCPs and permissions boundaries), and the caller's organization (aws:PrincipalOrgID, from
 * Organizations DescribeOrganization). Neither failure stops a key-policy check: it says what it could not tell.
 *
 * The IAM and Organizations clients share the connection, credentials and timeouts of the session's STS client (so a
 * profile change or dispose of AwsClients ends them too).
 */
import { IAMClient, SimulatePrincipalPolicyCommand, type ContextEntry } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { parseArn } from '../core/arn';
import type { IdentityVerdict } from '../core/keyPolicy';
import type { AwsClients } from './clients';

/** The partition's region for global services (IAM, Organizations). */
function globalRegion(partition: string): string {
  return partition === 'aws-cn' ? 'cn-north-1' : partition === 'aws-us-gov' ? 'us-gov-west-1' : 'us-east-1';
}

const iamClients = new WeakMap<AwsClients, IAMClient>();
const organizationsClients = new WeakMap<AwsClients, OrganizationsClient>();

function sharedConfig(clients: AwsClients, service: 'IAM' | 'Organizations', region: string) {
  const sts = clients.sts(region).config;
  const endpoint = clients.endpointFor(service);
  return {
    region,
    credentials: sts.credentials,
    requestHandler: sts.requestHandler,
    ...(endpoint ? { endpoint } : {}),
    ...(clients.settings.profile ? { profile: clients.settings.profile } : {}),
    retryMode: 'standard',
    maxAttempts: 3,
  } as const;
}

function iam(clients: AwsClients, partition: string): IAMClient {
  let client = iamClients.get(clients);
  if (!client) iamClients.set(clients, (client = new IAMClient(sharedConfig(clients, 'IAM', globalRegion(partition)))));
  return client;
}

function organizations(clients: AwsClients, partition: string): OrganizationsClient {
  let client = organizationsClients.get(clients);
  if (!client)
    organizationsClients.set(clients, (client = new OrganizationsClient(sharedConfig(clients, 'Organizations', globalRegion(partition)))));
  return client;
}

function codeOf(error: unknown): string {
  return ((error as { name?: string }).name ?? 'Error').replace(/^.*#/, '');
}

function messageOf(error: unknown): string {
  const message = (error as { message?: string }).message ?? '';
  return message.length > 300 ? `${message.slice(0, 299)}…` : message;
}

/**
 * The IAM principal whose policies apply to a caller: an IAM user as is; an assumed-role session's role (without its
 * path, which the session ARN does not show: a role under a path is then not found and said so); undefined for the
 * root user (no IAM policies) and anything else.
 */
export function policySourceArn(callerArn: string): string | undefined {
  const arn = parseArn(callerArn);
  if (!arn) return undefined;
  if (arn.service === 'iam' && arn.resource.startsWith('user/')) return callerArn;
  if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/')) {
    const role = arn.resource.split('/')[1];
    return role ? `arn:${arn.partition}:iam::${arn.account}:role/${role}` : undefined;
  }
  return undefined;
}

export interface DecryptSimulation {
  callerArn: string;
  keyArn: string;
  /** The decrypt's encryption context (values known exactly). */
  encryptionContext: Record<string, string>;
  /** kms:ViaService, when a service (S3) calls KMS. */
  viaService?: string;
  callerAccount: string;
}

/** What the caller's IAM policies decide for kms:Decrypt on the key, or why that could not be found out. */
export async function simulateDecrypt(clients: AwsClients, request: DecryptSimulation): Promise<IdentityVerdict> {
  const arn = parseArn(request.callerArn);
  if (arn?.resource === 'root') return { decision: 'allowed', detail: 'the root user has every permission in its account' };
  const source = policySourceArn(request.callerArn);
  if (!arn || !source) return { unknown: `${request.callerArn} has no IAM policies to simulate` };
  const entries: ContextEntry[] = [
    { ContextKeyName: 'kms:CallerAccount', ContextKeyValues: [request.callerAccount], ContextKeyType: 'string' },
    ...Object.entries(request.encryptionContext).map(([name, value]) => ({
      ContextKeyName: `kms:EncryptionContext:${name}`,
      ContextKeyValues: [value],
      ContextKeyType: 'string' as const,
    })),
  ];
  const keys = Object.keys(request.encryptionContext);
  if (keys.length > 0) entries.push({ ContextKeyName: 'kms:EncryptionContextKeys', ContextKeyValues: keys, ContextKeyType: 'stringList' });
  if (request.viaService)
    entries.push({ ContextKeyName: 'kms:ViaService', ContextKeyValues: [request.viaService], ContextKeyType: 'string' });
  let answer;
  try {
    answer = await iam(clients, arn.partition).send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: source,
        ActionNames: ['kms:Decrypt'],
        ResourceArns: [request.keyArn],
        ContextEntries: entries,
      }),
    );
  } catch (error) {
    const code = codeOf(error);
    if (code === 'AccessDenied' || code === 'AccessDeniedException')
      return { unknown: `you may not ask IAM what your policies allow (iam:SimulatePrincipalPolicy on ${source} is not allowed)` };
    if (code === 'NoSuchEntity') return { unknown: `IAM does not know ${source} (a role under a path cannot be named from its session)` };
    return { unknown: `IAM policy simulation failed (${code}: ${messageOf(error)})` };
  }
  const result = answer.EvaluationResults?.[0];
  if (!result?.EvalDecision) return { unknown: 'IAM policy simulation gave no decision' };
  if (result.OrganizationsDecisionDetail?.AllowedByOrganizations === false)
    return { decision: 'explicitDeny', detail: 'a service control policy of your organization does not allow it' };
  if (result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false)
    return { decision: 'explicitDeny', detail: 'your permissions boundary does not allow it' };
  const missing = result.MissingContextValues ?? [];
  if (missing.length > 0)
    return { unknown: `your IAM policies have conditions on ${missing.slice(0, 5).join(', ')}, which the simulation could not evaluate` };
  const statements = (result.MatchedStatements ?? []).map((statement) => statement.SourcePolicyId).filter((id): id is string => !!id);
  const detail = statements.length > 0 ? `statement ${statements.slice(0, 3).join(', ')}` : undefined;
  const decision = result.EvalDecision === 'allowed' ? 'allowed' : result.EvalDecision === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny';
  return { decision, ...(detail ? { detail } : {}) };
}

/** aws:PrincipalOrgID of the caller: its organization's id, `none`, or undefined when it cannot be found out. */
export async function principalOrganization(clients: AwsClients, callerArn: string): Promise<string | undefined> {
  const partition = parseArn(callerArn)?.partition ?? 'aws';
  try {
    const answer = await organizations(clients, partition).send(new DescribeOrganizationCommand({}));
    return answer.Organization?.Id ?? undefined;
  } catch (error) {
    return codeOf(error) === 'AWSOrganizationsNotInUseException' ? 'none' : undefined;
  }
}
