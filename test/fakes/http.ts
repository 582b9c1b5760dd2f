/**
 * The HTTP side every fake of an outside service shares: a real server on 127.0.0.1 (port 0 =
 * any free port), a log of what it received, requests left hanging on purpose (a "hang past
 * the deadline" switch), and a `close()` that ends those too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it. */
export interface ReceivedRequest {
  /** HTTP method. */
  method: string;
  /** Path and query. */
  url: string;
  /** Headers, lower-cased names. */
  headers: Record<string, string>;
  /** The body as text. */
  body: string;
}

/** What a fake's handler answers: a status, a body (JSON unless `raw`), headers; or `'hang'`. */
export type FakeAnswer =
  | { status: number; json?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }
  | 'hang';

/** A fake's request handler. */
export type FakeHandler = (request: ReceivedRequest) => FakeAnswer | Promise<FakeAnswer>;

/** A running fake server. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request received, oldest first. */
  readonly received: ReceivedRequest[];
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Requests a fake remembers. */
const RECEIVED_MAX = 500;

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: ServerResponse, answer: Exclude<FakeAnswer, 'hang'>) => {
  const text = answer.raw ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
  const type = answer.contentType ?? (answer.raw === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
  response.writeHead(answer.status, { 'Content-Type': type, ...answer.headers });
  response.end(text);
};

/** Starts a fake on 127.0.0.1:`port` (0: any free port). */
export async function startFakeServer(handler: FakeHandler, port = 0): Promise<FakeServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    try {
      const entry: ReceivedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
        body: await readBody(request),
      };
      received.push(entry);
      // The demo runs a fake for hours: keep the latest requests only.
      if (received.length > RECEIVED_MAX) received.splice(0, received.length - RECEIVED_MAX);
      const answer = await handler(entry);
      if (answer !== 'hang') send(response, answer);
    } catch (error) {
      send(response, { status: 500, raw: `fake failed: ${String(error)}` });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
