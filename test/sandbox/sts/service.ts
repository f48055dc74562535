import { AwsError } from '../errors';
import type { RequestContext } from '../state';
import { el } from '../s3/xml';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** STS (awsQuery). GetCallerIdentity needs no permission, as in AWS. */
export function handleSts(operation: string, ctx: RequestContext): Buffer {
  if (operation !== 'GetCallerIdentity') {
    throw new AwsError(
      400,
      'InvalidAction',
      `Could not find operation ${operation} for version 2011-06-15 (the sandbox serves GetCallerIdentity)`,
    );
  }
  const p = ctx.principal;
  return Buffer.from(
    `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult>${el('Arn', p.arn)}${el('UserId', p.userId)}${el('Account', p.accountId)}</GetCallerIdentityResult><ResponseMetadata>${el('RequestId', ctx.requestId)}</ResponseMetadata></GetCallerIdentityResponse>`,
  );
}

/** An awsQuery error document (STS and IAM). */
export function queryErrorXml(
  protocol: 'sts' | 'iam',
  code: string,
  message: string,
  requestId: string,
  type: 'Sender' | 'Receiver',
): Buffer {
  return Buffer.from(
    `<ErrorResponse xmlns="${protocol === 'iam' ? IAM_NS : STS_NS}"><Error>${el('Type', type)}${el('Code', code)}${el('Message', message)}</Error>${el('RequestId', requestId)}</ErrorResponse>`,
  );
}
