/**
 * The demo mounts the API inside its own Hono app. It must hand the socket through, or every
 * learner shares one per-IP send cap: after 30 sends from anyone, nobody could start a phone
 * check for the rest of the hour.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoApp } from '../../demo/app.js';

const ORIGIN = 'http://127.0.0.1:8080';
const demo = createDemoApp({ origin: ORIGIN, distDir: '/nonexistent', scriptDir: '/nonexistent' });
const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

async function post(path: string, body: unknown, env: object, bearer?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await demo.fetch(new Request(`${ORIGIN}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) }), env);
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}

/** One learner of their own starts an SMS check from `address`; the answer's status. */
async function sendFrom(n: number, address: string): Promise<number> {
  const env = socket(address);
  const phone = `010-5${String(n).padStart(3, '0')}-0000`;
  const { body: minted } = await post('/v1/dev/session', { subject: `mount-${n}`, phone }, env);
  const { body: issued } = await post('/v1/captcha', {}, env, minted.session);
  const { body: solved } = await post(`/v1/dev/captcha/${issued.id}`, {}, env);
  const body = { carrier: 'SKT', method: 'sms', name: '홍길동', phone, birth: '900101-1', consent: true, captcha: { id: issued.id, answer: solved.answer } };
  return (await post('/v1/phone/start', body, env, minted.session)).status;
}

describe('demo mounting', () => {
  test('40 learners from 40 addresses all get their send (the per-IP cap of 30 is per address)', async () => {
    for (let n = 0; n < 40; n++) assert.equal(await sendFrom(n, `198.51.100.${n + 1}`), 200, `learner ${n}`);
  });

  test('31 sends from one address: the 31st is refused', async () => {
    for (let n = 100; n < 130; n++) assert.equal(await sendFrom(n, '203.0.113.50'), 200, `learner ${n}`);
    assert.equal(await sendFrom(130, '203.0.113.50'), 429);
  });
});
