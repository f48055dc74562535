/**
 * The verdict from the statements that apply: an explicit Deny wins; then an Allow — one naming the principal itself
 * (in the key's account) is enough, one naming only the account, or any in another account than the principal's,
 * needs the principal's IAM policies to allow too (what IAM policy simulation answers, when it was asked).
 */
import type { EvaluateOptions, PolicyCheck, Principal, Request, Tri } from './policyEvaluator';

export function and(values: Tri[]): Tri {
  if (values.includes('no')) return 'no';
  return values.includes('cannot tell') ? 'cannot tell' : 'yes';
}

function describePrincipal(p: Principal): string {
  return p.kind === 'service' ? p.service : p.arn;
}

export interface Candidates {
  allows: Array<{ tri: Tri; delegates: boolean; label: string }>;
  denies: Array<{ tri: Tri; label: string }>;
  reasons: string[];
}

export function decide(question: string, request: Request, found: Candidates, options: EvaluateOptions): PolicyCheck {
  const { allows, denies, reasons } = found;
  const who = describePrincipal(request.principal);
  const action = request.action;
  const sure = denies.find((d) => d.tri === 'yes');
  if (sure) return { question, answer: 'no', reasons: [`Deny statement ${sure.label} refuses ${action} to ${who}.`, ...reasons] };
  const identity = options.identity;
  const cross = options.crossAccount;
  const viaIam = (allow: { delegates: boolean }): boolean => request.principal.kind === 'aws' && (allow.delegates || !!cross);
  const identityDecides = allows.some((allow) => allow.tri !== 'no' && viaIam(allow));
  const flag = identityDecides ? { identityDecides: true } : {};
  if (identity && 'decision' in identity && identity.decision === 'explicitDeny' && request.principal.kind === 'aws') {
    const detail = identity.detail ? ` (${identity.detail})` : '';
    return { question, answer: 'no', reasons: [`Your IAM policies deny ${action} on this key${detail}.`, ...reasons], ...flag };
  }
  const iam: Tri = !identity || 'unknown' in identity ? 'cannot tell' : identity.decision === 'allowed' ? 'yes' : 'no';
  const effective = allows.map((allow) => ({ ...allow, via: viaIam(allow), tri: viaIam(allow) ? and([allow.tri, iam]) : allow.tri }));
  // A statement that is enough by itself explains a yes better than one that also needs IAM.
  const yes = effective.find((allow) => allow.tri === 'yes' && !allow.via) ?? effective.find((allow) => allow.tri === 'yes');
  const maybe = effective.find((allow) => allow.tri === 'cannot tell');
  const maybeDeny = denies.find((d) => d.tri === 'cannot tell');
  const iamWords =
    identity && 'decision' in identity ? `IAM policy simulation: ${identity.decision}${identity.detail ? `, ${identity.detail}` : ''}` : '';
  const toWhom = (allow: { delegates: boolean }) => (allow.delegates ? 'the account' : who);
  if (yes && !maybeDeny) {
    if (yes.via) {
      const where = cross ? ` (the key is in account ${cross.keyAccount}, you are in ${cross.callerAccount})` : '';
      return {
        question,
        answer: 'yes',
        reasons: [`Statement ${yes.label} allows ${action} to ${toWhom(yes)}${where}, and your IAM policies allow it too (${iamWords}).`],
        ...flag,
      };
    }
    const caveat =
      request.principal.kind === 'aws'
        ? ' The key policy is enough; only an explicit Deny in your IAM policies, a permissions boundary or an SCP could still block it.'
        : '';
    return { question, answer: 'yes', reasons: [`Statement ${yes.label} allows ${action} to ${who}.${caveat}`], ...flag };
  }
  if (yes || maybe) {
    const first = (yes ?? maybe) as (typeof effective)[number];
    const unknownIam = first.via && iam === 'cannot tell';
    const whyIam = identity && 'unknown' in identity ? identity.unknown : 'they are not read here';
    const lead = yes
      ? `Statement ${yes.label} allows ${action} to ${toWhom(yes)}, but a Deny may apply.`
      : unknownIam && cross && !first.delegates
        ? `Statement ${first.label} allows ${action} to ${who}, but the key is in account ${cross.keyAccount} and you are in ${cross.callerAccount}: your own IAM policies must allow ${action} on it too, and ${whyIam}.`
        : unknownIam
          ? `Statement ${first.label} allows ${action} to the account: whether ${who} may use it depends on its IAM policies, and ${whyIam}.`
          : `Statement ${first.label} may allow ${action} to ${who}; it depends on request values not known here.`;
    return { question, answer: 'cannot tell', reasons: [lead, ...reasons], ...flag };
  }
  const refusedByIam = allows.find((allow) => allow.tri === 'yes' && viaIam(allow));
  if (refusedByIam) {
    const lead = cross
      ? `Statement ${refusedByIam.label} allows ${action} to ${toWhom(refusedByIam)}, but the key is in account ${cross.keyAccount} and your own IAM policies (account ${cross.callerAccount}) do not allow it (${iamWords}).`
      : `Statement ${refusedByIam.label} leaves ${action} to the IAM policies of the account, and yours do not allow it (${iamWords}).`;
    return { question, answer: 'no', reasons: [lead, ...reasons], ...flag };
  }
  const none = `No statement of the key policy allows ${action} to ${who}`;
  const grants = request.principal.kind === 'aws' ? ' (a KMS grant could still allow it; grants are not checked).' : '.';
  return { question, answer: 'no', reasons: [`${none}${grants}`, ...reasons], ...flag };
}
