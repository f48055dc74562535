/**
 * Whose copy of an event this is. A call that crosses accounts is delivered to the caller's account and to the
 * resource owner's (and, for network activity, to the VPC endpoint owner), each copy with the same sharedEventID.
 */
import { parseArn } from '../arn';
import { principalLabel } from './principal';
import { obj, str, type Json } from './values';

/** The account that owns what the call was about: the KMS key, the role to assume, the first resource. */
function resourceOwner(record: Json): { account: string; what: string } | undefined {
  const request = obj(record.requestParameters);
  const roleArn = str(request?.roleArn);
  const role = roleArn ? parseArn(roleArn) : undefined;
  if (role?.account && role.service === 'iam') return { account: role.account, what: `role ${role.resource.replace(/^role\//, '')}` };
  const resources = Array.isArray(record.resources) ? record.resources.slice(0, 16) : [];
  for (const resource of resources) {
    const r = obj(resource);
    const arn = str(r?.ARN);
    const parsed = arn ? parseArn(arn) : undefined;
    const account = str(r?.accountId) ?? parsed?.account;
    if (!account) continue;
    const key = parsed?.service === 'kms' || r?.type === 'AWS::KMS::Key';
    const id = parsed ? parsed.resource.replace(/^key\//, '') : undefined;
    const what = key ? `KMS key${id ? ` ${id}` : ''}` : parsed ? `resource ${arn}` : 'resource';
    return { account, what };
  }
  return undefined;
}

/** One or two sentences on whose copy this is and who called whom; undefined when the event stays in one account. */
export function accountStory(record: Json): string | undefined {
  const identity = obj(record.userIdentity);
  const caller = str(identity?.accountId);
  const shared = str(record.sharedEventID);
  const endpoint = str(record.vpcEndpointId);
  const endpointOwner = str(record.vpcEndpointAccountId);
  const owner = resourceOwner(record);
  const recipient = str(record.recipientAccountId) ?? (identity?.type === 'AWSAccount' ? owner?.account : undefined);
  const who = principalLabel(identity) ?? 'the caller';
  const callerText = caller && !who.includes(caller) ? `${who} of account ${caller}` : who;
  const sentences: string[] = [];
  if (recipient && endpointOwner === recipient && record.eventType === 'AwsVpceEvent') {
    const ep = endpoint ? ` ${endpoint}` : '';
    sentences.push(`This is account ${recipient}'s copy of the event: it owns the VPC endpoint${ep} the request went through.`);
    if (caller && caller !== recipient) sentences.push(`The caller, ${callerText}, is not the endpoint owner.`);
  } else if (recipient && caller && caller !== recipient) {
    const theirs = owner && owner.account === recipient ? `its ${owner.what} was used` : 'something it owns was used';
    sentences.push(`This is account ${recipient}'s copy of the event: ${theirs} by ${callerText}.`);
    sentences.push(`Account ${caller} logs its own copy${shared ? ' with the same sharedEventID' : ''}.`);
    return sentences.join(' ');
  } else if (recipient && shared) {
    const other =
      owner && owner.account !== recipient
        ? `account ${owner.account}, which owns ${owner.what}`
        : 'the other account involved (for a call an AWS service made, the service’s own)';
    sentences.push(`This is account ${recipient}'s copy of the event; ${other} received a copy with the same sharedEventID.`);
  }
  if (shared && sentences.length > 0 && !sentences.some((s) => s.includes('sharedEventID'))) {
    sentences.push('The other copies carry the same sharedEventID.');
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
