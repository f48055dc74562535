/** GetKeyPolicy for a trail's key (the policy text is checked by src/core/keyPolicy). */
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { parseArn } from '../core/arn';
import { explainAwsError } from '../core/errors';
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
