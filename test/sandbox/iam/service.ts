/**
 * IAM (awsQuery) — only SimulatePrincipalPolicy: what a principal's identity-based policy decides for actions on
 * resources (and, given `ResourcePolicy`, with that policy too, by IAM's generic rules). With it a key-policy check
 * can turn "the key policy delegates to IAM" into a yes or a no, as in AWS.
 */
import { AwsError } from '../errors';
import { el } from '../s3/xml';
import { PRINCIPALS, type SandboxPrincipal } from '../principals';
import type { RequestContext, SandboxState } from '../state';
import { authorize, authorizeIdentity, type AccessDecision } from './authorize';
import { principalContext } from './context';
import { statementsOf } from './policy';

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export function handleIam(_state: SandboxState, operation: string, params: URLSearchParams, ctx: RequestContext): Buffer {
  if (operation !== 'SimulatePrincipalPolicy') {
    throw new AwsError(
      400,
      'InvalidAction',
      `Could not find operation ${operation} for version 2010-05-08 (the sandbox serves SimulatePrincipalPolicy)`,
    );
  }
  const source = params.get('PolicySourceArn') ?? '';
  const self = {
    action: 'iam:SimulatePrincipalPolicy',
    resource: source,
    principal: { kind: 'aws' as const, arn: ctx.principal.arn, accountId: ctx.principal.accountId },
    context: principalContext(ctx.principal),
  };
  const mayAsk = authorizeIdentity(ctx.principal, self);
  if (!mayAsk.allowed) throw new AwsError(403, 'AccessDenied', mayAsk.message);
  const subject = Object.values(PRINCIPALS).find((p) => p.arn === source);
  if (!subject) throw new AwsError(400, 'NoSuchEntity', `The user with name ${source.split('/').pop() ?? source} cannot be found.`);
  const actions = members(params, 'ActionNames');
  if (actions.length === 0) throw new AwsError(400, 'ValidationError', 'ActionNames must contain at least one action.');
  const resources = members(params, 'ResourceArns');
  const resourcePolicy = params.get('ResourcePolicy') ?? undefined;
  const owner = /^arn:aws:iam::(\d{12}):root$/.exec(params.get('ResourceOwner') ?? '')?.[1] ?? subject.accountId;
  const context = { ...principalContext(subject), ...contextEntries(params) };
  const results: string[] = [];
  for (const action of actions) {
    for (const resource of resources.length ? resources : ['*']) {
      const request = { action, resource, principal: { kind: 'aws' as const, arn: subject.arn, accountId: subject.accountId }, context };
      const decision = resourcePolicy
        ? authorize({ caller: subject, request, resourceAccount: owner, resourcePolicy: statementsOf(resourcePolicy), model: 's3' })
        : authorizeIdentity(subject, request);
      results.push(result(action, resource, decision, subject));
    }
  }
  return Buffer.from(
    `<SimulatePrincipalPolicyResponse xmlns="${IAM_NS}"><SimulatePrincipalPolicyResult>${el('IsTruncated', false)}<EvaluationResults>${results.join('')}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata>${el('RequestId', ctx.requestId)}</ResponseMetadata></SimulatePrincipalPolicyResponse>`,
  );
}

function result(action: string, resource: string, decision: AccessDecision, subject: SandboxPrincipal): string {
  const verdict = decision.allowed ? 'allowed' : decision.explicit ? 'explicitDeny' : 'implicitDeny';
  const hits = decision.allowed ? decision.by : decision.statement ? [decision.statement] : [];
  const matched = hits
    .map((h) => `<member>${el('SourcePolicyId', `${subject.userName}-policy ${h.label}`)}${el('SourcePolicyType', 'user')}</member>`)
    .join('');
  return `<member>${el('EvalActionName', action)}${el('EvalResourceName', resource)}${el('EvalDecision', verdict)}<MatchedStatements>${matched}</MatchedStatements><MissingContextValues></MissingContextValues></member>`;
}

/** `Name.member.1`, `Name.member.2`, … in order. */
function members(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) out.push(params.get(`${name}.member.${i}`)!);
  return out;
}

/** `ContextEntries.member.N.ContextKeyName` / `.ContextKeyValues.member.M`. */
function contextEntries(params: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 1; params.has(`ContextEntries.member.${i}.ContextKeyName`); i++) {
    const name = params.get(`ContextEntries.member.${i}.ContextKeyName`)!.toLowerCase();
    out[name] = members(params, `ContextEntries.member.${i}.ContextKeyValues`);
  }
  return out;
}
