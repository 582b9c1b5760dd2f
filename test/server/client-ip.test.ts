/**
 * The client's address for the per-IP send cap: read from the socket the server adapter hands
 * over, from a trusted proxy's X-Forwarded-For, or not at all — in which case one shared
 * "unknown" address must not pool every learner under one cap.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ORIGIN, rig, type Rig } from './helpers.js';
import { captcha, startBody } from './phone-helpers.js';
import { UNKNOWN_CLIENT_IP_WARNING } from '../../src/server/http/client-ip.js';

/** Starts an SMS check for a learner of its own from the given socket address and headers. */
async function sendFrom(r: Rig, n: number, env?: object, headers: Record<string, string> = {}): Promise<number> {
  const phone = `010-4${String(n).padStart(3, '0')}-0000`;
  const { session } = await r.session({ subject: `ip-learner-${n}`, phone });
  const body = startBody(await captcha(r, session), { phone });
  const request = new Request(`${ORIGIN}/v1/phone/start`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await r.app.fetch(request, env)).status;
}

const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('client address', () => {
  test('without a readable address, learners are not pooled under one cap, and the operator is warned once', async () => {
    const warnings: string[] = [];
    const r = await rig({ ipSendsPerHour: 2, logger: { warn: (message) => warnings.push(message) } });
    for (let n = 0; n < 5; n++) assert.equal(await sendFrom(r, n), 200, `learner ${n}`);
    assert.deepEqual(warnings, [UNKNOWN_CLIENT_IP_WARNING]);
  });

  test('with the socket address, the cap holds per address and nothing is warned', async () => {
    const warnings: string[] = [];
    const r = await rig({ ipSendsPerHour: 2, logger: { warn: (message) => warnings.push(message) } });
    assert.equal(await sendFrom(r, 0, socket('203.0.113.7')), 200);
    assert.equal(await sendFrom(r, 1, socket('203.0.113.7')), 200);
    assert.equal(await sendFrom(r, 2, socket('203.0.113.7')), 429);
    assert.equal(await sendFrom(r, 3, socket('203.0.113.8')), 200);
    assert.deepEqual(warnings, []);
  });

  test('trustProxy: 1 takes the address the proxy appended, not what the client wrote before it', async () => {
    const r = await rig({ ipSendsPerHour: 1, trustProxy: 1 });
    const proxy = socket('10.0.0.2');
    assert.equal(await sendFrom(r, 0, proxy, { 'X-Forwarded-For': '198.51.100.1' }), 200);
    assert.equal(await sendFrom(r, 1, proxy, { 'X-Forwarded-For': '198.51.100.1' }), 429, 'same client behind the proxy');
    assert.equal(
      await sendFrom(r, 2, proxy, { 'X-Forwarded-For': '203.0.113.99, 198.51.100.1' }),
      429,
      'a forged entry on the left changes nothing',
    );
    assert.equal(await sendFrom(r, 3, proxy, { 'X-Forwarded-For': '198.51.100.2' }), 200, 'another client');
  });

  test('trustProxy: 2 skips the nearest proxy and takes the one before it', async () => {
    const r = await rig({ ipSendsPerHour: 1, trustProxy: 2 });
    const nearest = socket('10.0.0.3');
    assert.equal(await sendFrom(r, 0, nearest, { 'X-Forwarded-For': '1.1.1.1, 198.51.100.5, 10.0.0.2' }), 200);
    assert.equal(await sendFrom(r, 1, nearest, { 'X-Forwarded-For': '2.2.2.2, 198.51.100.5, 10.0.0.2' }), 429);
  });

  test('trustProxy refuses a negative or fractional number of proxies', async () => {
    await assert.rejects(rig({ trustProxy: -1 }), TypeError);
    await assert.rejects(rig({ trustProxy: 1.5 }), TypeError);
  });
});
