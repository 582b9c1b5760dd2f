/**
 * One server under load for `bench/server.ts`, in a process of its own: `bare` (a `node:http`
 * JSON answer, the ceiling), `hono` (a plain Hono handler on `@hono/node-server`) or `app` (the
 * reference server on the memory store, one learner's session minted). It listens on a free
 * loopback port and prints one line of JSON: `{ port, session? }`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createVerifyApp } from '../src/server/index.js';

/** What `bare` and `hono` answer: about the size of a `/v1/config` answer. */
const ANSWER = JSON.stringify({
  version: 1,
  purpose: 'login',
  required: true,
  methods: ['phone', 'motp'],
  carriers: ['SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'],
  phoneMethods: ['app', 'qr', 'sms'],
  motp: { available: true, locked: false, attemptsLeft: 5 },
  timers: { motpStep: 60, smsCodeTtl: 180, smsMaxLife: 600, resendCooldown: 30 },
  captcha: { required: true },
  serverTime: 0,
});

const kind = process.argv[2];
const ready = (port: number, extra: Record<string, string> = {}) => console.log(JSON.stringify({ port, ...extra }));

if (kind === 'bare') {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(ANSWER);
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
} else if (kind === 'hono') {
  const app = new Hono().get('/', (c) => c.json(JSON.parse(ANSWER)));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => ready(info.port));
  void server;
} else if (kind === 'app') {
  // The memory store (the default): what one machine runs.
  const app = createVerifyApp({ issuer: 'http://127.0.0.1/api', audience: 'bench', simulator: true, logger: { warn: () => undefined } });
  const { session } = await app.createSession({
    subject: 'bench-learner',
    name: '홍길동',
    phone: '010-1234-5678',
    birth: '900101-1',
    purpose: 'login',
  });
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => ready(info.port, { session }));
} else {
  console.error('usage: server-target.ts bare|hono|app');
  process.exit(2);
}
