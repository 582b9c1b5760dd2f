/** Privacy of the phone path (docs/security.md rule 19–22): stores and logs, URLs and caching, registered vs unknown phones. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createKeyedHasher } from '../../src/server/crypto.js';
import { call, PHONE, rig, type Rig } from './helpers.js';
import { captcha, GAP_MS, latestCode, phonePost, start, startBody, verifySms, wrongOf } from './phone-helpers.js';

/** True when `digits` stands alone in `text` (not inside a longer number such as a timestamp). */
const holdsNumber = (text: string, digits: string) => new RegExp(`(?<![0-9])${digits}(?![0-9])`).test(text);

/** Runs a full PASS app, QR and SMS check (with a wrong code and a resend); what a leak would show. */
async function fullRuns(r: Rig) {
  const secrets = { codes: [] as string[], numbers: [] as string[], sessions: [] as string[], tokens: [] as string[] };
  const { session } = await r.session();
  secrets.sessions.push(session);

  const app = await start(r, session, { method: 'app' }, { headers: { 'Idempotency-Key': 'p1' } });
  await call(r.app, 'POST', `/v1/dev/pass/${app.body.tx}/approve`, { body: {} });
  await call(r.app, 'GET', `/v1/phone/${app.body.tx}`, { bearer: session });
  secrets.tokens.push((await phonePost(r, session, app.body.tx, 'complete')).body.token);

  r.advance(GAP_MS);
  const qr = await start(r, session, { method: 'qr' });
  secrets.numbers.push(qr.body.qr.number);
  await call(r.app, 'POST', '/v1/dev/qr', { body: { phone: PHONE, number: qr.body.qr.number } });
  secrets.tokens.push((await phonePost(r, session, qr.body.tx, 'complete', {})).body.token);

  r.advance(GAP_MS);
  const sms = await start(r, session, {}, { headers: { 'Idempotency-Key': 's1' } });
  const first = await latestCode(r);
  secrets.codes.push(first, wrongOf(first));
  await verifySms(r, session, sms.body.tx, wrongOf(first), { headers: { 'Idempotency-Key': 'w1' } });
  await phonePost(r, session, sms.body.tx, 'extend');
  r.advance(GAP_MS);
  await phonePost(r, session, sms.body.tx, 'resend');
  const second = await latestCode(r);
  secrets.codes.push(second);
  const ok = await verifySms(r, session, sms.body.tx, second, { headers: { 'Idempotency-Key': 'v1' } });
  assert.equal(ok.status, 200);
  secrets.tokens.push(ok.body.token);
  return secrets;
}

describe('phone path privacy', () => {
  test('rule 19/20: after PASS, QR and SMS runs no store or audit holds a phone, name, birth, code or session', async () => {
    const r = await rig();
    const secrets = await fullRuns(r);
    const everything = JSON.stringify(await r.store.dump()) + JSON.stringify(r.app.auditLog());
    const forbidden = [
      '01012345678',
      '010-1234-5678',
      '1012345678',
      '12345678',
      '홍길동',
      '\\ud64d', // 홍 escaped
      '900101',
      '1990-01-01',
      ...secrets.sessions,
      ...secrets.tokens,
    ];
    for (const value of forbidden) assert.ok(!everything.includes(value), `store or audit holds ${value}`);
    for (const digits of [...secrets.codes, ...secrets.numbers]) {
      assert.ok(!holdsNumber(everything, digits), `store or audit holds the code ${digits}`);
    }
    const phoneRecords = r.app.auditLog().filter((record) => record.method !== 'motp');
    assert.ok(phoneRecords.length >= 8, 'every send and check was audited');
    const allowed = ['at', 'subject', 'purpose', 'method', 'result', 'stage', 'attempt', 'providerRef', 'substitute'];
    for (const record of phoneRecords) assert.deepEqual(Object.keys(record).filter((key) => !allowed.includes(key)), []);
  });

  test('rule 20: the SMS code is stored only as a keyed hash bound to its transaction', async () => {
    const hashKey = new Uint8Array(32).fill(7); // the rig's key
    const r = await rig();
    const { session } = await r.session();
    const started = await start(r, session);
    const code = await latestCode(r);
    const entries = (await r.store.dump()).filter(([key]) => key.startsWith('phone-sim:tx:'));
    assert.equal(entries.length, 1);
    const record = entries[0]![1] as { code: string };
    assert.match(record.code, /^[A-Za-z0-9_-]{43}$/);
    const keyed = createKeyedHasher(hashKey);
    assert.equal(record.code, await keyed('phone-sim-code', `${started.body.tx}\n${code}`));
    assert.notEqual(record.code, await createKeyedHasher(new Uint8Array(32).fill(8))('phone-sim-code', `${started.body.tx}\n${code}`));
    assert.equal((await verifySms(r, session, started.body.tx, code)).status, 200);
    const after = (await r.store.dump()).find(([key]) => key.startsWith('phone-sim:tx:'))![1] as { code?: string };
    assert.equal(after.code, undefined, 'a used code leaves nothing to match');
  });

  test('rule 21: no code, phone, birth, name, session or token in any URL; every answer no-store', async () => {
    const r = await rig();
    const seen: Array<{ url: string; status: number; cacheControl: string | null }> = [];
    const original = r.app.fetch.bind(r.app);
    r.app.fetch = async (request, env) => {
      const response = await original(request, env);
      seen.push({ url: request.url, status: response.status, cacheControl: response.headers.get('Cache-Control') });
      return response;
    };
    const secrets = await fullRuns(r);
    const { session } = await r.session();
    const solved = await captcha(r, session);
    const audio = await call(r.app, 'GET', `/v1/captcha/${solved.id}/audio`, { bearer: session });
    assert.equal(audio.headers.get('Content-Type'), 'audio/wav');
    await call(r.app, 'GET', '/v1/config', { bearer: session });
    await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(solved, { consent: false }) });

    const urls = seen.map((s) => decodeURIComponent(s.url)).join('\n');
    for (const value of ['01012345678', '010-1234-5678', '홍길동', '900101', ...secrets.sessions, session, ...secrets.tokens]) {
      assert.ok(!urls.includes(value), `a URL holds ${value}`);
    }
    for (const digits of [...secrets.codes, ...secrets.numbers, solved.answer]) {
      assert.ok(!holdsNumber(urls, digits), `a URL holds ${digits}`);
    }
    assert.ok(seen.length >= 25, `${seen.length} requests seen`);
    for (const answer of seen) assert.equal(answer.cacheControl, 'no-store', `${answer.url} (${answer.status})`);
  });

  test('rule 22: registered and unknown phones answer alike — status, body shape, and median time within 50 ms', async () => {
    const r = await rig({ ipSendsPerHour: 1_000_000 });
    const unknown = '010-5555-0100';
    const times = { known: [] as number[], unknown: [] as number[] };
    // Types and string lengths: the tx differs every time, but never in form.
    const shapeOf = (body: Record<string, unknown>) =>
      JSON.stringify(Object.entries(body).map(([k, v]) => [k, typeof v, typeof v === 'string' ? v.length : null]));
    for (let i = 0; i < 200; i++) {
      // Two minutes apart keeps each phone under 5 sends per 10 minutes.
      r.advance(121_000);
      const { session } = await r.session();
      const answers: Partial<Record<'known' | 'unknown', { status: number; body: Record<string, unknown> }>> = {};
      // Alternate the order, so that warm-up and garbage collection fall on both sides alike.
      const pair: Array<['known' | 'unknown', string]> = [
        ['known', PHONE],
        ['unknown', unknown],
      ];
      const order = i % 2 ? pair : pair.reverse();
      for (const [label, phone] of order) {
        const body = JSON.stringify(startBody(await captcha(r, session), { phone }));
        const request = new Request('http://127.0.0.1/v1/phone/start', {
          method: 'POST',
          headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
          body,
        });
        const began = performance.now();
        const response = await r.app.fetch(request);
        answers[label] = { status: response.status, body: await response.json() };
        times[label].push(performance.now() - began);
      }
      const { known, unknown: other } = answers as Required<typeof answers>;
      assert.equal(known.status, 200);
      assert.equal(other.status, known.status);
      assert.equal(shapeOf(other.body), shapeOf(known.body));
      assert.deepEqual({ ...other.body, tx: '' }, { ...known.body, tx: '' }, 'same timers');
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
    const gap = Math.abs(median(times.known) - median(times.unknown));
    assert.ok(gap < 50, `median times differ by ${gap.toFixed(2)} ms`);
  });
});
