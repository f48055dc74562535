// The sandbox reached from the UI tests' own process (not through the workbench): AwsClients as the sandbox's admin,
// for finding what a test needs in the seeded logs. Environment keys are set only while `use` runs.
import { AwsClients } from '../../src/aws/clients';

export interface SandboxAccess {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export async function withSandboxClients<T>(use: (clients: AwsClients, sandbox: SandboxAccess) => Promise<T>): Promise<T> {
  const sandbox = JSON.parse(process.env.CLOUDTRAIL_KMS_E2E_SANDBOX ?? '{}') as SandboxAccess;
  if (!sandbox.endpoint) throw new Error('CLOUDTRAIL_KMS_E2E_SANDBOX is not set: run the e2e tests with `npm run test:e2e`');
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = sandbox.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = sandbox.secretAccessKey;
  const clients = new AwsClients({ endpointUrl: sandbox.endpoint, regions: [sandbox.region] });
  try {
    return await use(clients, sandbox);
  } finally {
    clients.dispose();
    process.env.AWS_ACCESS_KEY_ID = saved.id;
    process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  }
}
