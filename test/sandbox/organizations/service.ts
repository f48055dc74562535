/** AWS Organizations (awsJson1_1, `AWSOrganizationsV20161128.*`): what readers of an organization trail call. */
import { accountInfo, type AccountInfo } from '../accounts';
import { AwsError } from '../errors';
import { authorizeIdentity } from '../iam/authorize';
import { principalContext } from '../iam/context';
import type { RequestContext, SandboxState } from '../state';

type Json = Record<string, unknown>;

const NO_PERMISSION = "You don't have permissions to access this resource.";

export function handleOrganizations(state: SandboxState, operation: string, input: Json, ctx: RequestContext): Json {
  const request = {
    action: `organizations:${operation}`,
    resource: '*',
    principal: { kind: 'aws' as const, arn: ctx.principal.arn, accountId: ctx.principal.accountId },
    context: principalContext(ctx.principal),
  };
  if (!authorizeIdentity(ctx.principal, request).allowed) throw new AwsError(400, 'AccessDeniedException', NO_PERMISSION);
  const org = state.organization;
  if (!org || !org.accountIds.includes(ctx.principal.accountId)) {
    throw new AwsError(400, 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  }
  const management = ctx.principal.accountId === org.managementAccountId;
  const accountArn = (id: string) => `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${id}`;
  const shape = (a: AccountInfo): Json => ({
    Id: a.id,
    Arn: accountArn(a.id),
    Email: a.email,
    Name: a.name,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    JoinedMethod: a.id === org.managementAccountId ? 'INVITED' : 'CREATED',
    JoinedTimestamp: a.joined.getTime() / 1000,
  });
  switch (operation) {
    case 'DescribeOrganization':
      return {
        Organization: {
          Id: org.id,
          Arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`,
          FeatureSet: 'ALL',
          MasterAccountArn: accountArn(org.managementAccountId),
          MasterAccountId: org.managementAccountId,
          MasterAccountEmail: accountInfo(org.managementAccountId)?.email ?? '',
          // Only the management account sees the policy types.
          AvailablePolicyTypes: management ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
        },
      };
    case 'ListAccounts': {
      if (!management) throw new AwsError(400, 'AccessDeniedException', NO_PERMISSION);
      return { Accounts: org.accountIds.map((id) => shape(accountInfo(id)!)) };
    }
    case 'DescribeAccount': {
      if (!management) throw new AwsError(400, 'AccessDeniedException', NO_PERMISSION);
      const id = String(input.AccountId ?? '');
      if (!org.accountIds.includes(id)) {
        throw new AwsError(400, 'AccountNotFoundException', "You specified an account that doesn't exist.");
      }
      return { Account: shape(accountInfo(id)!) };
    }
  }
  throw new AwsError(400, 'UnknownOperationException', `Operation ${operation} is not supported by the sandbox`);
}
