/** The key-policy check of a trail's KMS key (pure); the AWS side is src/aws/keyPolicy.ts. */
export { PolicyFormatError, type PolicyCheck, type Tri } from './policyEvaluator';
export {
  checkKeyPolicy,
  formatKeyPolicyReport,
  keyPolicyAnswers,
  keyPolicyRefuses,
  type KeyPolicyReport,
  type KeyPolicySubject,
} from './trailKeyPolicy';
