/**
 * One server under load for `bench/server.ts`, in a process of its own: `bare` (a `node:http`
 * JSON answer, the ceiling), `hono` (a plain Hono handler on `@hono/node-server`), `floor` (the
 * hot routes' own work, nothing else, in plain Hono handlers: what any Hono server doing that
 * work costs at least) or `app` (the reference server on the memory store, or on Redis when
 * `REDIS_URL` is set; one learner's session minted). `app` runs the built
 * `id-verify-server` package (`npm run build:server`), the code an operator runs, not the
 * sources through tsx, whose transform adds work to every nested function. It listens on a free
 * loopback port and prints one line of JSON: `{ port, session? }`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

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
  const server = createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(ANSWER);
      return;
    }
    // A POST: read the JSON body, then refuse it, as the refused-code scenarios do.
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const field = Object.keys(JSON.parse(Buffer.concat(chunks).toString('utf8')) as object)[0];
      response.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ error: { code: 'INVALID_INPUT', message: 'The code must be exactly 6 digits', field } }));
    });
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
} else if (kind === 'hono') {
  const app = new Hono().get('/', (c) => c.json(JSON.parse(ANSWER)));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => ready(info.port));
  void server;
} else if (kind === 'floor') {
  // The server's own modules from the built package: the same session lookup, store, policies
  // and answer headers as the app, without its middleware (CORS, secure headers for other
  // answers, type, size and idempotency guards, error mapping) and without its other routes.
  const module = <T>(path: string) => import(new URL(`../packages/server/dist/${path}`, import.meta.url).href) as Promise<T>;
  const { createSessionRegistry } = await module<typeof import('../src/server/sessions.js')>('server/sessions.js');
  const { createMemoryStore } = await module<typeof import('../src/server/stores/memory.js')>('server/stores/memory.js');
  const { createKeyedHasher, randomBytes } = await module<typeof import('../src/server/crypto.js')>('server/crypto.js');
  const { createMotpLock } = await module<typeof import('../src/server/policy/motp-lock.js')>('server/policy/motp-lock.js');
  const { createMotpHealth } = await module<typeof import('../src/server/policy/motp-health.js')>('server/policy/motp-health.js');
  const { createVerificationPolicy } = await module<typeof import('../src/server/policy/daily.js')>('server/policy/daily.js');
  const { jsonResponse } = await module<typeof import('../src/server/http/responses.js')>('server/http/responses.js');
  const { isCode, maskPhone } = await module<typeof import('../src/protocol/input.js')>('protocol/input.js');
  const store = createMemoryStore();
  const sessions = createSessionRegistry(store, createKeyedHasher(randomBytes(32)));
  const [lock, health, policy] = [createMotpLock(store), createMotpHealth(store, true), createVerificationPolicy(store)];
  const { session } = await sessions.create({ subject: 'bench-learner', name: '홍길동', phone: '010-1234-5678', birth: '900101-1', purpose: 'login' });
  const sessionOf = (authorization: string | undefined) => sessions.load(/^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const unauthorized = () => jsonResponse({ error: { code: 'UNAUTHORIZED', message: 'A valid session is required' } }, 401);
  const { carriers, phoneMethods, timers } = JSON.parse(ANSWER) as Record<string, unknown>;
  const app = new Hono()
    .get('/v1/config', async (c) => {
      const found = await sessionOf(c.req.header('Authorization'));
      if (!found) return unauthorized();
      const now = Date.now();
      const [learner, required, available, lockState] = await Promise.all([
        found.personal(),
        policy.isRequired(found.subject, found.purpose, now),
        health.available(),
        lock.state(found.subject),
      ]);
      return jsonResponse({
        version: 1,
        purpose: found.purpose,
        required,
        methods: ['phone', 'motp'],
        carriers,
        phoneMethods,
        motp: { available, ...lockState },
        timers,
        captcha: { required: true },
        serverTime: now,
        learner: { name: learner.name, phone: maskPhone(learner.phone) },
      });
    })
    .post('/v1/motp/verify', async (c) => {
      const found = await sessionOf(c.req.header('Authorization'));
      if (!found) return unauthorized();
      const body = JSON.parse(await c.req.text()) as { otp?: unknown };
      if (!isCode(body.otp)) return jsonResponse({ error: { code: 'INVALID_INPUT', message: 'The code must be exactly 6 digits', field: 'otp' } }, 400);
      return jsonResponse({ error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Not measured' } }, 503);
    });
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => ready(info.port, { session }));
} else if (kind === 'app') {
  const shipped = (await import(new URL('../packages/server/dist/server/index.js', import.meta.url).href)) as typeof import('../src/server/index.js');
  const { createVerifyApp, createRedisStore } = shipped;
  // The memory store (the default, what one machine runs), or Redis when REDIS_URL is given.
  const redisUrl = process.env.REDIS_URL;
  const store = redisUrl ? createRedisStore({ url: redisUrl, prefix: 'bench:' }) : undefined;
  // The store refuses commands until it is connected (no offline queue): wait for it, 5 s at most.
  for (let tries = 0; store && !(await store.ping().then(() => true, () => false)); tries++) {
    if (tries === 50) throw new Error(`Redis at ${redisUrl} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const app = createVerifyApp({
    issuer: 'http://127.0.0.1/api',
    audience: 'bench',
    simulator: true,
    logger: { warn: () => undefined },
    ...(store ? { store } : {}),
  });
  const { session } = await app.createSession({
    subject: 'bench-learner',
    name: '홍길동',
    phone: '010-1234-5678',
    birth: '900101-1',
    purpose: 'login',
  });
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => ready(info.port, { session }));
} else {
  console.error('usage: server-target.ts bare|hono|floor|app');
  process.exit(2);
}
