/**
 * Fault control over HTTP, for tests whose sandbox lives in another process (the extension host of the e2e tests,
 * a person with curl): `<endpoint>/__sandbox/<token>/…` where the token is random per sandbox (Sandbox.controlUrl).
 *   POST   pause[?operation=Op]     hold requests (all, or one operation)      POST resume[?operation=Op]
 *   POST   faults   body: a FaultRule or an array of them                      DELETE faults
 *   GET    status → { paused, held, faults, latencyMs }                        GET requests[?operation=Op] → { count }
 *   POST   latency?ms=N             every answer waits N ms (modelled network latency; 0 = none)
 *   POST   bigLog?mb=M → { bucket, bigLogKey, bigLogUncompressedBytes, bigLogCompressedBytes }: a realistic log of M MiB
 *          made now (world/scale.ts), for the one test that needs it (seeding it for every sandbox costs seconds)
 * Control requests are not counted, paused or faulted.
 */
import type { SandboxState } from '../state';
import { seedBigLogOnDemand } from '../world/scale';
import type { Faults } from './faults';
import type { Requests } from './requests';

export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

export function handleControl(
  faults: Faults,
  requests: Requests,
  method: string,
  action: string,
  query: URLSearchParams,
  body: Buffer,
  state?: SandboxState,
): ControlAnswer {
  const operation = query.get('operation') ?? undefined;
  const status = () => ({
    status: 200,
    body: { paused: faults.paused(), held: faults.heldCount(), faults: faults.list(), latencyMs: faults.latencyMs },
  });
  try {
    if (method === 'POST' && action === 'pause') {
      faults.pause(operation ?? '*');
      return status();
    }
    if (method === 'POST' && action === 'resume') {
      faults.resume(operation);
      return status();
    }
    if (method === 'GET' && action === 'status') return status();
    if (method === 'POST' && action === 'latency') {
      faults.setLatency(Number(query.get('ms') ?? 'NaN'));
      return status();
    }
    if (method === 'POST' && action === 'faults') {
      const parsed = JSON.parse(body.toString('utf8')) as unknown;
      for (const rule of Array.isArray(parsed) ? parsed : [parsed]) faults.add(rule as Parameters<Faults['add']>[0]);
      return status();
    }
    if (method === 'DELETE' && action === 'faults') {
      faults.clear();
      return status();
    }
    if (method === 'POST' && action === 'bigLog' && state) {
      return { status: 200, body: seedBigLogOnDemand(state, Number(query.get('mb'))) };
    }
    if (method === 'GET' && action === 'requests') return { status: 200, body: { count: requests.count(operation) } };
    if (method === 'POST' && action === 'requests/reset') {
      requests.reset();
      return { status: 200, body: { count: 0 } };
    }
  } catch (e) {
    return { status: 400, body: { error: (e as Error).message } };
  }
  return { status: 404, body: { error: `No control action ${method} ${action}: see test/sandbox/http/control.ts` } };
}
