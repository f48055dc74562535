// A loopback HTTP server that counts every request and forwards it, unchanged (Host header included, so SigV4
// signatures stay valid), to an upstream endpoint such as the AWS sandbox. With no upstream it answers every request
// with an AWS-style 503. The e2e runner puts it in front of the tests' AWS endpoint, so tests can assert how many AWS
// calls the extension made (e.g. none on activation).
//   GET <url>/__e2e/requests  ->  {"count": n, "requests": [{"method","path"}...]}   (not counted, not forwarded)
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

export const COUNTER_PATH = '/__e2e/requests';

export interface RequestCounter {
  /** `http://127.0.0.1:<port>`: use it as the AWS endpoint. */
  url: string;
  /** URL answering the count as JSON. */
  countUrl: string;
  count(): number;
  stop(): Promise<void>;
}

export async function startRequestCounter(upstream?: string): Promise<RequestCounter> {
  const target = upstream ? new URL(upstream) : undefined;
  if (target && target.protocol !== 'http:') throw new Error(`request counter: only http:// upstreams are supported, got ${upstream}`);
  const seen: { method: string; path: string }[] = [];

  const forward = (incoming: IncomingMessage, response: ServerResponse): void => {
    if (!target) {
      response.writeHead(503, { 'content-type': 'application/xml' });
      response.end('<Error><Code>ServiceUnavailable</Code><Message>e2e request counter: no AWS endpoint behind it</Message></Error>');
      return;
    }
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port || 80, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`e2e request counter: upstream ${upstream} failed: ${error.message}`);
    });
    incoming.pipe(outgoing);
  };

  const server = createServer((incoming, response) => {
    if (incoming.method === 'GET' && incoming.url === COUNTER_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ count: seen.length, requests: seen }));
      return;
    }
    seen.push({ method: incoming.method ?? '?', path: incoming.url ?? '?' });
    forward(incoming, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    countUrl: `${url}${COUNTER_PATH}`,
    count: () => seen.length,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
