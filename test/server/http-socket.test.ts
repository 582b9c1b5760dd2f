/** The app on a real socket (`@hono/node-server`), spoken to over HTTP. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { PHONE, rig, verifyAsLms, type Rig } from './helpers.js';

describe('over a real socket', () => {
  let r: Rig;
  let server: ServerType;
  let base: string;

  before(async () => {
    r = await rig({ basePath: '/api', allowedOrigins: ['http://lms.test'] });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: r.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  after(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  test('config, a wrong code, the right code, and the token verified against the served JWKS', async () => {
    const { session, nonce } = await r.session({ purpose: 'daily' });
    const auth = { Authorization: `Bearer ${session}` };
    const json = { ...auth, 'Content-Type': 'application/json' };

    const config = await fetch(`${base}/v1/config`, { headers: { ...auth, Origin: 'http://lms.test' } });
    assert.equal(config.status, 200);
    assert.equal(config.headers.get('cache-control'), 'no-store');
    assert.equal(config.headers.get('access-control-allow-origin'), 'http://lms.test');
    assert.equal((await config.json()).required, true);

    const wrong = await fetch(`${base}/v1/motp/verify`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ otp: await r.wrongCode(), phone: PHONE }),
    });
    assert.equal(wrong.status, 400);
    assert.equal((await wrong.json()).error.attemptsLeft, 4);

    const ok = await fetch(`${base}/v1/motp/verify`, {
      method: 'POST',
      headers: { ...json, 'Idempotency-Key': 'socket-1' },
      body: JSON.stringify({ otp: await r.code(), phone: PHONE }),
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'application/json; charset=utf-8');
    const { token } = await ok.json();

    const claims = await verifyAsLms(r, token, nonce, new URL(`${base}/.well-known/jwks.json`));
    assert.equal(claims.sub, 'learner-001');
    assert.equal(claims.purpose, 'daily');
  });

  test('a 9 KB body is refused with 413 by its Content-Length; text/plain with 415', async () => {
    const { session } = await r.session();
    const big = await fetch(`${base}/v1/motp/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ otp: '123456', phone: PHONE, pad: 'x'.repeat(9 * 1024) }),
    });
    assert.equal(big.status, 413);
    assert.equal((await big.json()).error.code, 'INVALID_INPUT');
    const plain = await fetch(`${base}/v1/motp/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ otp: '123456', phone: PHONE }),
    });
    assert.equal(plain.status, 415);
  });

  test('a chunked body over the limit is cut off at the limit', async () => {
    const { session } = await r.session();
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 32) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const answer = await fetch(`${base}/v1/motp/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(answer.status, 413);
  });

  test('unknown path → JSON 404; missing bearer → 401', async () => {
    const missing = await fetch(`${base}/nope`);
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.code, 'NOT_FOUND');
    const anonymous = await fetch(`${base}/v1/config`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
  });
});
