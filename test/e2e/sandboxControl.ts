// The sandbox's fault control over HTTP (test/sandbox/http/control.ts) from an e2e test: hold requests of one operation,
// let them go, count what reached the sandbox. Only node: modules here: it loads inside the extension host too.
import { request } from 'node:http';

function controlUrl(): string {
  // The extension host gets its own variable; the UI tests (in the runner's process) read the sandbox's facts.
  const sandbox = process.env.CLOUDTRAIL_KMS_E2E_SANDBOX;
  const url =
    process.env.CLOUDTRAIL_KMS_E2E_CONTROL_URL ?? (sandbox ? (JSON.parse(sandbox) as { controlUrl?: string }).controlUrl : undefined);
  if (!url) throw new Error('CLOUDTRAIL_KMS_E2E_CONTROL_URL is not set: run the e2e tests with `npm run test:e2e`');
  return url;
}

function call<T>(method: 'GET' | 'POST', action: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(action, controlUrl()), { method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        if ((response.statusCode ?? 500) >= 400)
          return reject(new Error(`sandbox control ${method} ${action}: ${response.statusCode} ${body}`));
        try {
          resolve(JSON.parse(body) as T);
        } catch (error) {
          reject(error);
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

export const sandboxControl = {
  pause: (operation: string) => call<{ held: number }>('POST', `pause?operation=${encodeURIComponent(operation)}`),
  resume: () => call<{ held: number }>('POST', 'resume'),
  held: async () => (await call<{ held: number }>('GET', 'status')).held,
  /** A realistic log of `mb` MiB made now in the default world's log bucket (test/sandbox/world/scale.ts). */
  bigLog: (mb: number) =>
    call<{ bucket: string; bigLogKey: string; bigLogUncompressedBytes: number; bigLogCompressedBytes: number }>(
      'POST',
      `bigLog?mb=${encodeURIComponent(String(mb))}`,
    ),
  requests: async (operation?: string) =>
    (await call<{ count: number }>('GET', `requests${operation ? `?operation=${encodeURIComponent(operation)}` : ''}`)).count,
};
