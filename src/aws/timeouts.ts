/**
 * Timeouts on every AWS request, so an endpoint that accepts and never answers, or trickles its body, cannot hold a
 * command, a tree node or the CLI for minutes:
 * - connect: the TCP/TLS connection must be up within `connectMs`;
 * - per attempt: the response headers must arrive within `attemptMs` of sending; a body must then keep coming at
 *   `minBodyBytesPerSecond` on average (its Content-Length at that rate, plus `attemptMs` of grace), so a trickling
 *   body ends while a large honest download does not; the SDK retries a timed-out attempt like a network error;
 * - whole operation: every attempt, backoff and the wait for the response together within `operationMs`.
 * A timeout ends in an ExplainedError with code 'Timeout' that says which setting to raise.
 */
import type { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@aws-sdk/types';
import type { HttpHandler, HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { ExplainedError } from '../core/errors';

export interface Timeouts {
  connectMs: number;
  attemptMs: number;
  operationMs: number;
  minBodyBytesPerSecond: number;
}

export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = {
  connectMs: 10_000,
  attemptMs: 30_000,
  operationMs: 120_000,
  minBodyBytesPerSecond: 64 * 1024,
};

/** Fills in the defaults and keeps every value within sane bounds (a setting of 0 or a huge number is not honoured). */
export function resolveTimeouts(partial: Partial<Timeouts> = {}): Timeouts {
  const pick = (value: number | undefined, fallback: number, min: number, max: number): number =>
    value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(min, value));
  return {
    connectMs: pick(partial.connectMs, DEFAULT_TIMEOUTS.connectMs, 100, 300_000),
    attemptMs: pick(partial.attemptMs, DEFAULT_TIMEOUTS.attemptMs, 100, 3_600_000),
    operationMs: pick(partial.operationMs, DEFAULT_TIMEOUTS.operationMs, 200, 24 * 3_600_000),
    minBodyBytesPerSecond: pick(partial.minBodyBytesPerSecond, DEFAULT_TIMEOUTS.minBodyBytesPerSecond, 1, 1e12),
  };
}

/** An attempt that took too long: named TimeoutError so the SDK's retry treats it as transient. */
function attemptTimeout(message: string): Error {
  return Object.assign(new Error(message), { name: 'TimeoutError', attemptTimedOut: true });
}

/** Whether `error` is one of our attempt or body deadlines (as opposed to a broken connection). */
export function isAttemptTimeout(error: unknown): error is Error {
  return (error as { attemptTimedOut?: boolean } | undefined)?.attemptTimedOut === true;
}

/** A response body that stopped coming in time: what, why, and which setting to raise. */
export function bodyTimeoutError(location: string, receivedBytes: number, cause: Error): ExplainedError {
  return new ExplainedError(
    'Timeout',
    `The download of ${location} stalled after ${receivedBytes} bytes.`,
    `The endpoint sent the body too slowly: ${cause.message}.`,
    RAISE_TIMEOUTS,
    cause,
  );
}

const RAISE_TIMEOUTS =
  'Check the network, VPN or proxy and the endpoint URL setting; if the network is just slow, raise the timeout ' +
  '(editor: cloudtrailKms.requestTimeoutSeconds / operationTimeoutSeconds; CLI: --timeout / --operation-timeout).';

/** NodeHttpHandler with the connect, per-attempt and body deadlines above. */
export class DeadlineHttpHandler implements HttpHandler<HttpHandlerOptions> {
  private readonly inner: NodeHttpHandler;

  constructor(private readonly timeouts: Timeouts) {
    this.inner = new NodeHttpHandler({ connectionTimeout: timeouts.connectMs, socketTimeout: timeouts.attemptMs });
  }

  get metadata() {
    return this.inner.metadata;
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs() {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const controller = new AbortController();
    const caller = options.abortSignal as AbortSignal | undefined;
    const forward = (): void => controller.abort(caller?.reason);
    if (caller?.aborted) forward();
    else caller?.addEventListener('abort', forward, { once: true });
    const release = (): void => caller?.removeEventListener('abort', forward);
    const { attemptMs, minBodyBytesPerSecond } = this.timeouts;
    let timedOut: Error | undefined;
    const timer = setTimeout(() => {
      timedOut = attemptTimeout(`no response within ${seconds(attemptMs)}`);
      controller.abort(timedOut);
    }, attemptMs);
    let result: { response: HttpResponse };
    try {
      result = await this.inner.handle(request, { ...options, abortSignal: controller.signal });
    } catch (error) {
      release();
      throw timedOut ?? error;
    } finally {
      clearTimeout(timer);
    }
    const body = result.response.body as Readable | undefined;
    if (!body || typeof body.once !== 'function' || typeof body.destroy !== 'function') {
      release();
      return result;
    }
    const length = Number(result.response.headers['content-length']);
    const budget = attemptMs + (Number.isFinite(length) && length > 0 ? (length / minBodyBytesPerSecond) * 1000 : 0);
    const bodyTimer = setTimeout(
      () =>
        body.destroy(
          attemptTimeout(
            `the response body did not arrive within ${seconds(budget)} (${Number.isFinite(length) ? `${length} bytes at ` : ''}less than ${minBodyBytesPerSecond} bytes/s)`,
          ),
        ),
      budget,
    );
    body.once('close', () => {
      clearTimeout(bodyTimer);
      release();
    });
    return result;
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

type Send = (command: unknown, options?: HttpHandlerOptions) => Promise<unknown>;

/**
 * Gives `client.send` a whole-operation deadline: every attempt and backoff within `operationMs`. A deadline that
 * passes, or attempts that all timed out, end in ExplainedError 'Timeout'; the caller's own abort stays an abort.
 */
export function withOperationDeadline<T extends { send: unknown }>(
  client: T,
  timeouts: Timeouts,
  where: { service: string; region: string },
): T {
  const original = (client.send as Send).bind(client);
  const send: Send = async (command, options = {}) => {
    const controller = new AbortController();
    const caller = options.abortSignal as AbortSignal | undefined;
    const forward = (): void => controller.abort(caller?.reason);
    if (caller?.aborted) forward();
    else caller?.addEventListener('abort', forward, { once: true });
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      controller.abort();
    }, timeouts.operationMs);
    try {
      return await original(command, { ...options, abortSignal: controller.signal });
    } catch (error) {
      if (caller?.aborted) throw error;
      const attempts = isAttemptTimeout(error);
      if (expired || attempts) throw timeoutError(operationName(command), where, timeouts, expired, error);
      throw error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', forward);
    }
  };
  Object.defineProperty(client, 'send', { value: send, configurable: true, writable: true });
  return client;
}

function operationName(command: unknown): string {
  const name = (command as { constructor?: { name?: string } })?.constructor?.name ?? '';
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : name || 'the request';
}

function timeoutError(
  operation: string,
  where: { service: string; region: string },
  timeouts: Timeouts,
  wholeOperation: boolean,
  cause: unknown,
): ExplainedError {
  const what = `AWS did not answer ${operation} (${where.service}, ${where.region}) in time.`;
  const why = wholeOperation
    ? `The whole call, retries included, took longer than ${seconds(timeouts.operationMs)}.`
    : `Every attempt timed out: ${(cause as Error)?.message ?? 'no response'} (connect timeout ${seconds(timeouts.connectMs)}, per attempt ${seconds(timeouts.attemptMs)}).`;
  return new ExplainedError('Timeout', what, why, RAISE_TIMEOUTS, cause instanceof Error ? cause : undefined);
}
