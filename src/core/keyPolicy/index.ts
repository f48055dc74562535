export * from './policyEvaluator';
