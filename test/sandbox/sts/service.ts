import { AwsError } from '../errors';
import type { RequestContext, SandboxState } from '../state';
import { el } from '../s3/xml';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS (awsQuery). GetCallerIdentity needs no permission, as in AWS. */
export function handleSts(state: SandboxState, operation: string, ctx: RequestContext): Buffer {
  if (operation !== 'GetCallerIdentity') {
    throw new AwsError(
      400,
      'InvalidAction',
      `Could not find operation ${operation} for version 2011-06-15 (the sandbox serves GetCallerIdentity)`,
    );
  }
  const p = ctx.principal;
  return Buffer.from(
    `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult>${el('Arn', p.arn)}${el('UserId', p.userId)}${el('Account', state.accountId)}</GetCallerIdentityResult><ResponseMetadata>${el('RequestId', ctx.requestId)}</ResponseMetadata></GetCallerIdentityResponse>`,
  );
}

export function stsErrorXml(code: string, message: string, requestId: string, type: 'Sender' | 'Receiver'): Buffer {
  return Buffer.from(
    `<ErrorResponse xmlns="${STS_NS}"><Error>${el('Type', type)}${el('Code', code)}${el('Message', message)}</Error>${el('RequestId', requestId)}</ErrorResponse>`,
  );
}
