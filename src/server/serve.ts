/**
 * Serving the app in Node behind a load balancer: `GET /healthz` (the process is up) and
 * `GET /readyz` (the store answers and the process is not draining) at the server's root,
 * whatever path the API is mounted under, and a graceful shutdown on SIGTERM:
 * 1. `/readyz` turns 503 and the listener closes (no new connections);
 * 2. open event streams end with a retry hint, so widgets poll an instance that stays up;
 * 3. requests in flight finish (connections still open after `drainTimeoutMs` are cut);
 * 4. the store and the audit file close, and the process exits 0.
 *
 * Node only; used by `id-verify-server` and the demo's `npm start`.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** Path of the liveness probe. */
export const HEALTH_PATH = '/healthz';
/** Path of the readiness probe. */
export const READY_PATH = '/readyz';
/** Longest a shutdown waits for requests in flight, in milliseconds. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/** Options of {@link serveWithProbes}. */
export interface ServeOptions {
  /** The app's handler (`env` carries the socket). */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** Interface to listen on. */
  hostname: string;
  /** Port (0 = any free one). */
  port: number;
  /** Resolves when the app can serve (its store answers); rejects otherwise. */
  ready: () => Promise<void>;
  /** Ends the app's open event streams with a retry hint (`VerifyApp.drain`). */
  drain: () => void;
  /** Closes what the app holds (store client, audit file), once no request is left. */
  close?: () => Promise<void>;
  /** Longest wait for requests in flight at shutdown (default 10 s). */
  drainTimeoutMs?: number;
}

/** A listening server. */
export interface ServingApp {
  /** The Node server. */
  server: ServerType;
  /** The port it listens on. */
  port: number;
  /** Drains and closes (steps 1–4 above, without exiting); resolves when all is closed. */
  shutdown(): Promise<void>;
}

const probeHeaders = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** Listens with the probes in front of `fetch`; resolves once listening. */
export function serveWithProbes(options: ServeOptions): Promise<ServingApp> {
  let draining = false;
  let closing: Promise<void> | undefined;

  const probe = async (request: Request): Promise<Response | undefined> => {
    const { pathname } = new URL(request.url);
    if (pathname !== HEALTH_PATH && pathname !== READY_PATH) return undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...probeHeaders, Allow: 'GET, HEAD' } });
    }
    if (pathname === HEALTH_PATH) return Response.json({ status: 'ok' }, { headers: probeHeaders });
    if (draining) return Response.json({ status: 'draining' }, { status: 503, headers: { ...probeHeaders, 'Retry-After': '5' } });
    try {
      await options.ready();
      return Response.json({ status: 'ready' }, { headers: probeHeaders });
    } catch {
      return Response.json({ status: 'store unavailable' }, { status: 503, headers: { ...probeHeaders, 'Retry-After': '2' } });
    }
  };

  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: async (request, env) => (await probe(request)) ?? options.fetch(request, env),
        hostname: options.hostname,
        port: options.port,
      },
      (info) => {
        resolve({ server, port: (info as AddressInfo).port, shutdown: () => (closing ??= shutdown()) });
      },
    );

    const shutdown = async () => {
      draining = true;
      const closed = new Promise<void>((done) => server.close(() => done()));
      options.drain();
      const cut = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
      cut.unref();
      await closed;
      clearTimeout(cut);
      await options.close?.();
    };
  });
}

/** Drains and exits 0 on SIGTERM or SIGINT (1 when closing failed). */
export function exitOnSignals(app: ServingApp, log: (line: string) => void = console.log): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log(`${signal}: draining (event streams end with a retry hint, requests in flight finish)`);
      app.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        },
      );
    });
  }
}
