/**
 * The app on a Redis that is gone: every route that needs the store answers at once with
 * 503 `UPSTREAM_UNAVAILABLE` and `Retry-After` (nothing was decided, the client may retry) —
 * never a 500 with a stack, never a wait past the command timeout — and no attempt is spent.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { createRedisStore } from '../../src/server/index.js';
import { startRedisServer } from '../support/redis-server.mjs';
import { call, rig, verifyMotp } from './helpers.js';
import { startBody } from './phone-helpers.js';
import { uniquePrefix } from './stores.js';

/** Waits until `store` answers, 5 s at most. */
async function untilReachable(store: { ping(): Promise<void> }): Promise<void> {
  const until = Date.now() + 5_000;
  while (!(await store.ping().then(() => true, () => false))) {
    if (Date.now() > until) throw new Error('Redis did not answer within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('store outage', () => {
  test('every route answers 503 UPSTREAM_UNAVAILABLE with Retry-After, fast; the learner loses no attempt', async () => {
    const server = await startRedisServer();
    const prefix = uniquePrefix();
    const store = createRedisStore({ url: server.url, prefix, logger: { warn: () => {} } });
    try {
      await untilReachable(store);
      const r = await rig({}, { store: async (clock) => Object.assign(createRedisStore({ client: store.client, prefix, clock }), { dump: async () => [] }) });
      const { session } = await r.session();
      const wrong = await r.wrongCode();
      assert.equal((await verifyMotp(r.app, session, wrong)).body.error.attemptsLeft, 4);

      // The network to Redis drops (Redis keeps its data, as after a partition). The client sees
      // the socket close a moment later: wait for it, or the reconnection below could come first.
      const ended = once(store.client, 'end');
      store.client.disconnect();
      await ended;
      const requests: Array<[string, () => ReturnType<typeof call>]> = [
        ['config', () => call(r.app, 'GET', '/v1/config', { bearer: session })],
        ['motp verify', () => verifyMotp(r.app, session, wrong)],
        ['captcha', () => call(r.app, 'POST', '/v1/captcha', { bearer: session, body: {} })],
        ['phone start', () => call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody({ id: 'x'.repeat(22), answer: '123456' }) })],
        ['phone status', () => call(r.app, 'GET', '/v1/phone/abc/events', { bearer: session })],
        ['idempotent retry', () => verifyMotp(r.app, session, wrong, { headers: { 'Idempotency-Key': 'k-1' } })],
        ['dev session', () => call(r.app, 'POST', '/v1/dev/session', { body: {} })],
      ];
      for (const [name, send] of requests) {
        const started = Date.now();
        const answer = await send();
        assert.equal(answer.status, 503, `${name}: ${answer.status} ${answer.text}`);
        assert.equal(answer.body.error.code, 'UPSTREAM_UNAVAILABLE', name);
        assert.ok(Number(answer.headers.get('Retry-After')) >= 1, name);
        assert.doesNotMatch(answer.text, /Redis|ECONNREFUSED|\bat\b.*\.ts/, `${name} leaks nothing`);
        assert.ok(Date.now() - started < 1_000, `${name} took ${Date.now() - started} ms`);
      }
      // The JWKS needs no store and still answers.
      assert.equal((await call(r.app, 'GET', '/.well-known/jwks.json')).status, 200);

      // The network is back; a client closed by hand never reconnects by itself.
      await store.client.connect();
      await untilReachable(store);
      const answer = await verifyMotp(r.app, session, wrong);
      assert.equal(answer.body.error.attemptsLeft, 3, 'the refused requests spent no attempt');
    } finally {
      await store.close();
      await server.stop();
    }
  });
});

