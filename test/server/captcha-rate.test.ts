/**
 * Issuing and voicing a 보안문자 costs CPU, so each session and each client address may ask
 * only so often per minute: past that 429 with Retry-After, counted in the store so that two
 * instances sharing it share the count.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createVerifyApp, type VerifyApp } from '../../src/server/index.js';
import { DEFAULT_CAPTCHAS_PER_SESSION_PER_MINUTE } from '../../src/server/policy/captcha-rate.js';
import { AUDIENCE, ISSUER, ORIGIN, rig } from './helpers.js';

const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** `POST /v1/captcha` from `address` (none: no socket); status, Retry-After and the id. */
async function issue(app: VerifyApp, bearer: string, address?: string) {
  const request = new Request(`${ORIGIN}/v1/captcha`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  const response = await app.fetch(request, address === undefined ? undefined : socket(address));
  const body = (await response.json()) as { id?: string; error?: { code: string } };
  return { status: response.status, retryAfter: response.headers.get('Retry-After'), id: body.id, code: body.error?.code };
}

/** `GET /v1/captcha/{id}/audio`; its status. */
async function audio(app: VerifyApp, bearer: string, id: string, address?: string) {
  const request = new Request(`${ORIGIN}/v1/captcha/${id}/audio`, { headers: { Authorization: `Bearer ${bearer}` } });
  const response = await app.fetch(request, address === undefined ? undefined : socket(address));
  await response.arrayBuffer();
  return response.status;
}

describe('captcha limits', () => {
  test(`a session gets ${DEFAULT_CAPTCHAS_PER_SESSION_PER_MINUTE} captchas (issued or voiced) a minute, then 429 until the minute is over`, async () => {
    const r = await rig();
    const { session } = await r.session();
    const first = await issue(r.app, session);
    assert.equal(first.status, 200);
    assert.equal(await audio(r.app, session, first.id!), 200, 'voicing counts too');
    for (let n = 2; n < DEFAULT_CAPTCHAS_PER_SESSION_PER_MINUTE; n++) assert.equal((await issue(r.app, session)).status, 200, `#${n}`);

    const refused = await issue(r.app, session);
    assert.equal(refused.status, 429);
    assert.equal(refused.code, 'RATE_LIMITED');
    const wait = Number(refused.retryAfter);
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${refused.retryAfter}`);
    assert.equal(await audio(r.app, session, first.id!), 429);

    // Another session is counted on its own; the same one again after the wait.
    const other = await r.session({ subject: 'learner-002' });
    assert.equal((await issue(r.app, other.session)).status, 200);
    r.advance(wait * 1000);
    assert.equal((await issue(r.app, session)).status, 200);
  });

  test('one address gets its own budget across sessions; another address is not affected', async () => {
    const r = await rig({ captchasPerIpPerMinute: 3, captchasPerSessionPerMinute: 100 });
    const sessions = await Promise.all(['a', 'b', 'c', 'd'].map((subject) => r.session({ subject })));
    for (const { session } of sessions.slice(0, 3)) assert.equal((await issue(r.app, session, '203.0.113.5')).status, 200);
    const refused = await issue(r.app, sessions[3]!.session, '203.0.113.5');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.retryAfter) > 0);
    assert.equal((await issue(r.app, sessions[3]!.session, '203.0.113.6')).status, 200);
  });

  test('two instances on one store share the count', async () => {
    const r = await rig({ captchasPerSessionPerMinute: 4 });
    const twin = createVerifyApp({
      issuer: ISSUER,
      audience: AUDIENCE,
      clock: () => r.now,
      store: r.store,
      hashKey: new Uint8Array(32).fill(7),
      simulator: true,
      captchasPerSessionPerMinute: 4,
    });
    const { session } = await r.session();
    assert.equal((await issue(r.app, session)).status, 200);
    assert.equal((await issue(twin, session)).status, 200);
    assert.equal((await issue(r.app, session)).status, 200);
    assert.equal((await issue(twin, session)).status, 200);
    assert.equal((await issue(r.app, session)).status, 429);
    assert.equal((await issue(twin, session)).status, 429);
  });

  test('limits that are not whole positive numbers are refused at creation', async () => {
    await assert.rejects(rig({ captchasPerSessionPerMinute: 0 }), TypeError);
    await assert.rejects(rig({ captchasPerIpPerMinute: 1.5 }), TypeError);
  });
});
