// Helpers for extension-host tests (suite/ and installed/). Only node: modules here, so it also loads where the
// runner's own node_modules are not next to the test file.
import { get } from 'node:http';

export const EXTENSION_ID = 'cloudtrail-kms-explorer.cloudtrail-kms-explorer';

export interface RequestCount {
  count: number;
  requests: { method: string; path: string }[];
}

/** AWS requests seen so far by the runner's counting proxy (test/e2e/requestCounter.ts), all windows together. */
export function awsRequestCount(): Promise<RequestCount> {
  const url = process.env.CLOUDTRAIL_KMS_E2E_COUNTER_URL;
  if (!url) throw new Error('CLOUDTRAIL_KMS_E2E_COUNTER_URL is not set: run the e2e tests with `npm run test:e2e`');
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(body) as RequestCount);
        } catch (error) {
          reject(error);
        }
      });
    }).on('error', reject);
  });
}

/** Waits (polling every 100 ms) until the condition holds; fails naming what it waited for. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
