// The world the e2e tests run in. The runner (test/e2e/run.ts) calls e2eEnvironment() once, before code-server
// starts, and stop() once at the end (also after failures and on SIGINT/SIGTERM).
//
// Contract:
//   env           variables given to code-server; they reach every extension host (and so the extension and the tests).
//                 AWS_* variables of the runner's own environment are NOT inherited; put what the tests need here.
//   userSettings  VS Code user settings, e.g. { 'cloudtrailKms.endpointUrl': 'http://127.0.0.1:<sandbox port>' }.
//   stop()        ends whatever e2eEnvironment() started.
//
// The runner then puts a counting proxy (test/e2e/requestCounter.ts) in front of the AWS endpoint given here
// (userSettings['cloudtrailKms.endpointUrl'], else env.AWS_ENDPOINT_URL, else none) and points both of those at the
// proxy; tests read the count from $CLOUDTRAIL_KMS_E2E_COUNTER_URL.
//
// This first version starts nothing: no AWS endpoint, dummy credentials, so any AWS call the extension makes ends at
// the counter (503) instead of at AWS.
export interface E2eEnvironment {
  env: Record<string, string>;
  userSettings: Record<string, unknown>;
  stop(): Promise<void>;
}

export async function e2eEnvironment(): Promise<E2eEnvironment> {
  return {
    env: {
      AWS_ACCESS_KEY_ID: 'AKIAE2ETESTNOTREAL00',
      AWS_SECRET_ACCESS_KEY: 'e2e-test-secret-not-real',
      AWS_REGION: 'us-east-1',
      // No credential look-up may reach the instance metadata service from a test.
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/cloudtrail-kms-e2e/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/cloudtrail-kms-e2e/credentials',
    },
    userSettings: {},
    stop: async () => {},
  };
}
