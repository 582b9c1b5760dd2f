/** Send throttles (docs/security.md rule 10, 25): per phone 30 s apart and 5 per 10 min, per IP per hour, +82 only. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, ORIGIN, PHONE, rig, type Answer } from './helpers.js';
import { captcha, GAP_MS, inbox, phonePost, start, startBody, startSms } from './phone-helpers.js';

/** Asserts a 429 whose `Retry-After` header and body both say `seconds`. */
function assertRateLimited(answer: Answer, seconds: number, label = '') {
  assert.equal(answer.status, 429, label);
  assert.equal(answer.body.error.code, 'RATE_LIMITED', label);
  assert.equal(answer.headers.get('Retry-After'), String(seconds), label);
  assert.equal(answer.body.error.retryAfter, seconds, label);
}

describe('send throttles', () => {
  test('the 6th send to a phone within 10 min → RATE_LIMITED, Retry-After = seconds until the 1st leaves', async () => {
    const r = await rig();
    const { session } = await r.session();
    for (let i = 0; i < 5; i++) {
      assert.equal((await start(r, session)).status, 200, `send ${i + 1}`);
      r.advance(GAP_MS);
    }
    // 150 s after the first send; the first leaves the 10-minute window at 600 s.
    assertRateLimited(await start(r, session), 450);
    assert.equal((await inbox(r)).length, 5);
    r.advance(449_000);
    assertRateLimited(await start(r, session), 1);
    r.advance(1000);
    assert.equal((await start(r, session)).status, 200, 'allowed exactly when promised');
  });

  test('resends count as sends: a resend within 30 s → RATE_LIMITED with the exact wait', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const first = await start(r, session);
    assertRateLimited(first, 30, 'a second start at once');
    r.advance(12_000);
    assertRateLimited(await phonePost(r, session, tx, 'resend'), 18, 'resend after 12 s');
    r.advance(18_000);
    const resent = await phonePost(r, session, tx, 'resend');
    assert.equal(resent.status, 200);
    assert.deepEqual(resent.body, { expiresIn: 180, resendIn: 30 });
    assert.equal((await inbox(r)).length, 2);
  });

  test('a captcha spent on a throttled start is gone, and the refusal sends nothing', async () => {
    const r = await rig();
    const { session } = await r.session();
    await startSms(r, session);
    const solved = await captcha(r, session);
    assert.equal((await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(solved) })).status, 429);
    r.advance(GAP_MS);
    const reused = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(solved) });
    assert.equal(reused.body.error.code, 'CAPTCHA_FAILED');
    assert.equal((await inbox(r)).length, 1);
  });

  test('per-IP hourly cap (option), by the socket address; X-Forwarded-For is not trusted', async () => {
    const r = await rig({ ipSendsPerHour: 3 });
    const phones = ['010-2000-0001', '010-2000-0002', '010-2000-0003', '010-2000-0004'];
    const env = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };
    const sendFrom = async (phone: string, address: object, forwarded?: string) => {
      const { session } = await r.session({ subject: `ip-${phone}`, phone });
      const body = startBody(await captcha(r, session), { phone });
      const headers = new Headers({ Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' });
      if (forwarded) headers.set('X-Forwarded-For', forwarded);
      const request = new Request(`${ORIGIN}/v1/phone/start`, { method: 'POST', headers, body: JSON.stringify(body) });
      const response = await r.app.fetch(request, address);
      return { status: response.status, headers: response.headers, body: await response.json(), text: '' } as Answer;
    };
    for (const phone of phones.slice(0, 3)) assert.equal((await sendFrom(phone, env)).status, 200, phone);
    // 12:00 KST on the dot: the hour ends in 3600 s.
    assertRateLimited(await sendFrom(phones[3]!, env, '198.51.100.1'), 3600, 'a forged X-Forwarded-For changes nothing');
    assert.equal((await sendFrom(phones[3]!, { incoming: { socket: { remoteAddress: '203.0.113.8' } } })).status, 200);
    r.advance(3600_000);
    assert.equal((await sendFrom(phones[0]!, env)).status, 200, 'the next hour has room again');
  });

  test('a custom clientIp decides the address', async () => {
    const r = await rig({ ipSendsPerHour: 1, clientIp: (request) => request.headers.get('X-Test-IP') ?? 'none' });
    const a = await r.session({ subject: 'a', phone: '010-3000-0001' });
    const b = await r.session({ subject: 'b', phone: '010-3000-0002' });
    assert.equal((await start(r, a.session, { phone: '010-3000-0001' }, { headers: { 'X-Test-IP': '1' } })).status, 200);
    assert.equal((await start(r, b.session, { phone: '010-3000-0002' }, { headers: { 'X-Test-IP': '1' } })).status, 429);
    assert.equal((await start(r, b.session, { phone: '010-3000-0002' }, { headers: { 'X-Test-IP': '2' } })).status, 200);
  });

  test('non-Korean numbers are refused before anything is sent; the inbox stays empty', async () => {
    const r = await rig();
    const { session } = await r.session();
    for (const phone of ['+1-202-555-0100', '+12025550100', '02-123-4567', '010-1234-567', '+44 7700 900123']) {
      const answer = await start(r, session, { phone });
      assert.equal(answer.status, 400, phone);
      assert.equal(answer.body.error.code, 'INVALID_INPUT', phone);
      assert.equal(answer.body.error.field, 'phone', phone);
    }
    assert.deepEqual(await inbox(r, PHONE), []);
    // Nothing was counted either: a real send goes through at once.
    assert.equal((await start(r, session)).status, 200);
  });

  test('rule 25: every 429, 423 and 503 of the phone path carries Retry-After', async () => {
    const { ProviderUnavailableError, createSimulatorPhoneProvider, createMemoryStore } = await import(
      '../../src/server/index.js'
    );
    const inner = createSimulatorPhoneProvider({ store: createMemoryStore() });
    let down = false;
    const phone = {
      ...inner,
      start: (input: Parameters<typeof inner.start>[0]) =>
        down ? Promise.reject(new ProviderUnavailableError('carrier down', 9)) : inner.start(input),
    };
    const r = await rig({ phone });
    const { session } = await r.session();
    await startSms(r, session);
    const seen: Answer[] = [await start(r, session)];
    r.advance(GAP_MS);
    down = true;
    seen.push(await start(r, session));
    // mOTP lock: 423 from the mOTP route, for completeness of the phone-unlock story.
    const wrong = await r.wrongCode();
    for (let i = 0; i < 6; i++) {
      seen.push(await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: wrong, phone: PHONE } }));
    }
    const statuses = new Set(seen.map((a) => a.status));
    for (const status of [429, 503, 423]) assert.ok(statuses.has(status), `saw a ${status}`);
    for (const answer of seen.filter((a) => [423, 429, 503].includes(a.status))) {
      const header = answer.headers.get('Retry-After');
      assert.ok(header && Number(header) > 0, `${answer.status} without Retry-After`);
      assert.equal(answer.body.error.retryAfter, Number(header));
    }
    assert.equal(seen.find((a) => a.status === 503)!.headers.get('Retry-After'), '9');
  });
});
