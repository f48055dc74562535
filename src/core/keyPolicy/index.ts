/** The key-policy check of a trail's KMS key (pure); the AWS side is src/aws/keyPolicy.ts. */
export { parsePolicy, PolicyFormatError, type IdentityVerdict, type PolicyCheck, type Tri } from './policyEvaluator';
export { decryptCheck, decryptRequest, withKeyState, type DecryptSubject } from './decrypt';
export {
  checkKeyPolicy,
  checkWithoutPolicy,
  formatKeyPolicyReport,
  keyPolicyAnswers,
  keyPolicyRefuses,
  logDecryptSubject,
  type KeyPolicyReport,
  type KeyPolicySubject,
} from './trailKeyPolicy';
