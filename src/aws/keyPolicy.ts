/**
 * The key-policy check of a trail's KMS key: GetKeyPolicy, who the caller is, the bucket's region, then the pure check
 * of src/core/keyPolicy. One workflow for the CLI's `key-policy` and the editor's Check Key Policy.
 */
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { parseArn } from '../core/arn';
import { explainAwsError, ExplainedError } from '../core/errors';
import { checkKeyPolicy, PolicyFormatError, type KeyPolicyReport } from '../core/keyPolicy';
import type { TrailInfo } from '../core/model';
import { bucketRegion } from './buckets';
import type { AwsClients } from './clients';

/** The key's `default` policy document; the key's region comes from its ARN. */
export async function getKeyPolicy(clients: AwsClients, keyArn: string): Promise<string> {
  const region = parseArn(keyArn)?.region || (await clients.defaultRegion());
  try {
    const answer = await clients.kms(region).send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }));
    return answer.Policy ?? '';
  } catch (error) {
    throw explainAwsError(error as Error, { operation: 'GetKeyPolicy', keyArn, region, profile: clients.profileName() });
  }
}

export interface TrailKeyPolicyCheck {
  trailArn: string;
  keyArn: string;
  callerArn: string;
  report: KeyPolicyReport;
}

/**
 * May CloudTrail encrypt with and describe the trail's key, and may the caller decrypt its logs? Throws an
 * ExplainedError when the trail has no KMS key (`NoKmsKey`), the policy cannot be read, or it is not a policy.
 */
export async function checkTrailKeyPolicy(
  clients: AwsClients,
  trail: Pick<TrailInfo, 'arn' | 'bucket' | 'kmsKeyArn'>,
): Promise<TrailKeyPolicyCheck> {
  const keyArn = trail.kmsKeyArn;
  if (!keyArn) {
    throw new ExplainedError(
      'NoKmsKey',
      `Trail ${trail.arn} does not use a KMS key.`,
      'Its logs are encrypted with SSE-S3 (S3-managed keys), so there is no KMS key policy to check.',
    );
  }
  const [policy, caller, region] = await Promise.all([
    getKeyPolicy(clients, keyArn),
    clients.callerIdentity(),
    bucketRegion(clients, trail.bucket).catch(() => undefined),
  ]);
  try {
    const report = checkKeyPolicy(policy, {
      trailArn: trail.arn,
      keyArn,
      callerArn: caller.arn,
      callerAccount: caller.account,
      ...(region ? { bucketRegion: region } : {}),
    });
    return { trailArn: trail.arn, keyArn, callerArn: caller.arn, report };
  } catch (error) {
    if (error instanceof PolicyFormatError)
      throw new ExplainedError('BadKeyPolicy', `The policy of ${keyArn} could not be read: ${error.message}.`, undefined, undefined, error);
    throw error;
  }
}
