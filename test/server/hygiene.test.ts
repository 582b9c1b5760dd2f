/** Request hygiene (docs/security.md rule 18, 21, 25): methods, content types, sizes, headers, garbage. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIMITS } from '../../src/protocol/index.js';
import { call, ORIGIN, PHONE, rig, type Rig } from './helpers.js';

/** Deterministic PRNG (mulberry32), so a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Posts `raw` as JSON to the verify route. */
const postRaw = (app: Rig['app'], bearer: string, raw: BodyInit, headers: Record<string, string> = JSON_HEADERS) =>
  call(app, 'POST', '/v1/motp/verify', { bearer, raw, headers });

describe('request hygiene', () => {
  test('text/plain, form-urlencoded and multipart → 415 INVALID_INPUT, nothing charged', async () => {
    const r = await rig();
    const { session } = await r.session();
    const otp = await r.code();
    const form = new FormData();
    form.set('otp', otp);
    form.set('phone', PHONE);
    const bodies: Array<[string, BodyInit, Record<string, string>]> = [
      ['text/plain', JSON.stringify({ otp, phone: PHONE }), { 'Content-Type': 'text/plain' }],
      ['form', new URLSearchParams({ otp, phone: PHONE }), {}],
      ['multipart', form, {}],
      ['json-ish', JSON.stringify({ otp, phone: PHONE }), { 'Content-Type': 'application/jsonp' }],
      ['json latin1', JSON.stringify({ otp, phone: PHONE }), { 'Content-Type': 'application/json; charset=latin1' }],
      ['no type', new Blob([JSON.stringify({ otp, phone: PHONE })]), {}],
    ];
    for (const [label, raw, headers] of bodies) {
      const answer = await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, raw, headers });
      assert.equal(answer.status, 415, label);
      assert.equal(answer.body.error.code, 'INVALID_INPUT', label);
    }
    assert.equal(r.verifyCalls, 0);
    const ok = await call(r.app, 'POST', '/v1/motp/verify', {
      bearer: session,
      body: { otp, phone: PHONE },
      headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' },
    });
    assert.equal(ok.status, 200);
  });

  test('GET, PUT, DELETE on a POST route → 405 with Allow; POST on a GET route → 405', async () => {
    const r = await rig();
    const { session } = await r.session();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await call(r.app, method, '/v1/motp/verify', { bearer: session });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.body.error.code, 'INVALID_INPUT');
      assert.equal(answer.headers.get('Allow'), 'POST');
    }
    for (const path of ['/v1/dev/session', '/v1/dev/motp/enroll']) {
      assert.equal((await call(r.app, 'GET', path)).status, 405, path);
    }
    const post = await call(r.app, 'POST', '/v1/config', { bearer: session, body: {} });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('Allow'), 'GET');
  });

  test('a 9 KB body → 413, by Content-Length and by the bytes actually read', async () => {
    const r = await rig();
    const { session } = await r.session();
    const big = JSON.stringify({ otp: '123456', phone: PHONE, pad: 'x'.repeat(9 * 1024) });
    // No Content-Length on an in-process Request: the reader's cap catches it.
    const read = await postRaw(r.app, session, big);
    assert.equal(read.status, 413);
    assert.equal(read.body.error.code, 'INVALID_INPUT');
    const declared = await call(r.app, 'POST', '/v1/motp/verify', {
      bearer: session,
      raw: big,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
    });
    assert.equal(declared.status, 413);
    // A lying Content-Length does not get past the reader.
    const lying = await call(r.app, 'POST', '/v1/motp/verify', {
      bearer: session,
      raw: big,
      headers: { 'Content-Type': 'application/json', 'Content-Length': '10' },
    });
    assert.equal(lying.status, 413);
    // A streamed (chunked) body is capped too.
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await call(r.app, 'POST', '/v1/motp/verify', {
      bearer: session,
      raw: stream,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(streamed.status, 413);
    assert.ok(sent < 64, 'the reader stopped early');
    const edge = JSON.stringify({ otp: '123456', phone: PHONE, pad: '' });
    const exact = edge.replace('"pad":""', `"pad":"${'x'.repeat(LIMITS.maxBodyBytes - edge.length)}"`);
    assert.equal(exact.length, LIMITS.maxBodyBytes);
    const atLimit = await postRaw(r.app, session, exact);
    assert.equal(atLimit.status, 400, 'a body of exactly the limit is read (and the code judged)');
  });

  test('invalid JSON, non-objects and wrong types → 400 INVALID_INPUT', async () => {
    const r = await rig();
    const { session } = await r.session();
    for (const raw of ['', '{', 'null', '[]', '"x"', '42', '{"otp":}', '\ufeff{}', '{"otp":"123456","phone":["010"]}']) {
      const answer = await postRaw(r.app, session, raw);
      assert.equal(answer.status, 400, raw);
      assert.equal(answer.body.error.code, 'INVALID_INPUT', raw);
    }
    const notUtf8 = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const answer = await postRaw(r.app, session, notUtf8);
    assert.equal(answer.status, 400);
    assert.equal(r.verifyCalls, 0);
  });

  test('missing, malformed or unknown bearer → 401 UNAUTHORIZED; a session in the URL is ignored', async () => {
    const r = await rig();
    const { session } = await r.session();
    const cases: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Basic dXNlcjpwYXNz' },
      { Authorization: `Bearer ${'A'.repeat(43)}` },
      { Authorization: `Bearer ${session}x` },
      { Authorization: `Token ${session}` },
    ];
    for (const headers of cases) {
      const get = await call(r.app, 'GET', '/v1/config', { headers });
      assert.equal(get.status, 401, JSON.stringify(headers));
      assert.equal(get.body.error.code, 'UNAUTHORIZED');
      const post = await call(r.app, 'POST', '/v1/motp/verify', { headers, body: { otp: '123456', phone: PHONE } });
      assert.equal(post.status, 401);
    }
    assert.equal((await call(r.app, 'GET', `/v1/config?session=${session}`)).status, 401);
    assert.equal((await call(r.app, 'GET', `/v1/config?access_token=${session}`)).status, 401);
  });

  test('an expired session → 401 (30 min, injected clock)', async () => {
    const r = await rig();
    const { session } = await r.session();
    r.advance(29 * 60_000);
    assert.equal((await call(r.app, 'GET', '/v1/config', { bearer: session })).status, 200);
    r.advance(2 * 60_000);
    assert.equal((await call(r.app, 'GET', '/v1/config', { bearer: session })).status, 401);
  });

  test('unknown paths → 404 NOT_FOUND as JSON; simulator routes 404 unless the simulator is on', async () => {
    const r = await rig({ simulator: false });
    for (const path of ['/', '/v1', '/v2/config', '/v1/config/', '/v1/dev/session', '/v1/dev/motp/enroll', '/%00']) {
      const answer = await call(r.app, 'POST', path, { body: {} });
      assert.equal(answer.status, 404, path);
      assert.equal(answer.body.error.code, 'NOT_FOUND');
      assert.match(answer.headers.get('Content-Type')!, /^application\/json; charset=utf-8$/);
    }
  });

  test('invalid purpose query → 400; config answers carry the server time', async () => {
    const r = await rig();
    const { session } = await r.session();
    const bad = await call(r.app, 'GET', '/v1/config?purpose=coffee', { bearer: session });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'purpose');
    const good = await call(r.app, 'GET', '/v1/config?purpose=exam', { bearer: session });
    assert.equal(good.body.purpose, 'exam');
    assert.equal(good.body.serverTime, r.now);
  });

  test('hundreds of random requests never produce a 5xx, and every answer is no-store JSON', async () => {
    const r = await rig();
    const { session } = await r.session();
    const random = prng(0x1d5e11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const ascii = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const bodies: Array<() => BodyInit | undefined> = [
      () => undefined,
      () => ascii(Math.floor(random() * 200)),
      () => bytes(Math.floor(random() * 300)),
      () => JSON.stringify({ otp: ascii(6), phone: ascii(13) }),
      () =>
        JSON.stringify({
          otp: pick([123456, null, true, {}, [], '000000', '１２３４５６']),
          phone: pick([PHONE, 1, null, {}, '']),
        }),
      () => JSON.stringify(pick<unknown>([null, [], 0, 'x', JSON.parse('{"__proto__":{"otp":"1"}}'), { constructor: 1 }])),
      () => '['.repeat(3000) + ']'.repeat(3000),
      () => '{"a":'.repeat(1500) + '1' + '}'.repeat(1500),
      () => JSON.stringify({ otp: '123456', phone: PHONE, pad: 'y'.repeat(Math.floor(random() * 10_000)) }),
      () => JSON.stringify({ subject: ascii(300), name: pick(['', 'x', ascii(150)]), phone: ascii(12), purpose: ascii(5) }),
      () => JSON.stringify({ phone: pick([PHONE, '+82-10-9999-0000', ascii(40), 7]) }),
      () => `{"otp":"${'9'.repeat(6)}","phone":"${PHONE}"${',"x":1'.repeat(Math.floor(random() * 50))}}`,
    ];
    const paths = [
      '/v1/motp/verify',
      '/v1/motp/verify',
      '/v1/motp/verify',
      '/v1/config',
      '/v1/config?purpose=daily',
      `/v1/config?purpose=${encodeURIComponent(ascii(8))}`,
      '/v1/dev/session',
      '/v1/dev/motp/enroll',
      '/.well-known/jwks.json',
      `/v1/${encodeURIComponent(ascii(6))}`,
      '/v1/motp/verify/../verify',
      '/v1/phone/start',
    ];
    // Weighted towards what reaches the handlers: POSTs with JSON and a live session.
    const methods = ['GET', 'GET', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
    const types = [
      'application/json',
      'application/json',
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      ascii(20),
      '',
    ];
    const live = `Bearer ${session}`;
    const auths = [live, live, live, `Bearer ${ascii(43)}`, ascii(30), 'Bearer ', undefined];
    for (let i = 0; i < 400; i++) {
      const method = pick(methods);
      const headers = new Headers();
      const type = pick(types);
      if (type) headers.set('Content-Type', type);
      const auth = pick(auths);
      if (auth) headers.set('Authorization', auth);
      if (random() < 0.3) headers.set('Idempotency-Key', pick([ascii(10), ascii(101), `k${i % 7}`, '']));
      if (random() < 0.2) headers.set('Content-Length', pick(['0', '-1', 'abc', '99999999999999999999', '5', '8192']));
      if (random() < 0.2) headers.set('Origin', pick(['https://lms.example', ascii(12)]));
      if (random() < 0.1) headers.set(ascii(5).replace(/[^A-Za-z]/g, 'x') || 'x', ascii(30));
      const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies)();
      const request = new Request(ORIGIN + pick(paths), { method, headers, body: body ?? null, duplex: 'half' } as RequestInit);
      const response = await r.app.fetch(request);
      const text = await response.text();
      const label = `#${i} ${method} ${request.url} → ${response.status} ${text.slice(0, 120)}`;
      assert.ok(response.status < 500, label);
      assert.equal(response.headers.get('Cache-Control'), 'no-store', label);
      if ([423, 429, 503].includes(response.status)) assert.ok(response.headers.get('Retry-After'), label);
      if (method !== 'HEAD' && response.status !== 204) {
        assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8', label);
        const parsed = JSON.parse(text);
        if (response.status >= 400) assert.ok(typeof parsed.error.code === 'string', label);
      }
    }
    // Then bodies only, aimed at the verify handler with every header right.
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const raw = pick(bodies)() ?? '';
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (random() < 0.3) headers['Idempotency-Key'] = `fuzz-${i % 13}`;
      const answer = await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, raw, headers });
      seen.add(answer.status);
      assert.ok(answer.status < 500, `body #${i} → ${answer.status} ${answer.text.slice(0, 120)}`);
      assert.equal(answer.headers.get('Cache-Control'), 'no-store');
      if (answer.status === 423) assert.ok(answer.headers.get('Retry-After'));
    }
    assert.ok(seen.has(400) && seen.has(413) && seen.has(423), `statuses seen: ${[...seen]}`);
  });

  test('every answer, success or error, is no-store; 423 and 503 carry Retry-After', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    const answers = [
      await call(r.app, 'GET', '/v1/config', { bearer: session }),
      await call(r.app, 'GET', '/.well-known/jwks.json'),
      await call(r.app, 'GET', '/nope'),
      await call(r.app, 'POST', '/v1/dev/session', { body: {} }),
      await call(r.app, 'OPTIONS', '/v1/motp/verify'),
    ];
    for (let i = 0; i < 6; i++) answers.push(await postRaw(r.app, session, JSON.stringify({ otp: wrong, phone: PHONE })));
    for (const answer of answers) assert.equal(answer.headers.get('Cache-Control'), 'no-store');
    assert.equal(answers.at(-1)!.status, 423);
    assert.ok(answers.at(-1)!.headers.get('Retry-After'));
  });
});

describe('CORS', () => {
  const allowed = 'https://lms.example.ac.kr';

  test('an allowed origin is echoed exactly with Vary: Origin; others get no ACAO header', async () => {
    const r = await rig({ allowedOrigins: [allowed] });
    const { session } = await r.session();
    const ok = await call(r.app, 'GET', '/v1/config', { bearer: session, headers: { Origin: allowed } });
    assert.equal(ok.headers.get('Access-Control-Allow-Origin'), allowed);
    assert.match(ok.headers.get('Vary') ?? '', /Origin/);
    assert.match(ok.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/);
    assert.equal(ok.headers.get('Access-Control-Allow-Credentials'), null);
    for (const origin of ['https://evil.example', 'https://lms.example.ac.kr.evil.example', 'null', allowed + '/']) {
      const other = await call(r.app, 'GET', '/v1/config', { bearer: session, headers: { Origin: origin } });
      assert.equal(other.headers.get('Access-Control-Allow-Origin'), null, origin);
    }
  });

  test('preflight allows only the needed headers and methods, and only for allowed origins', async () => {
    const r = await rig({ allowedOrigins: [allowed] });
    const preflight = (origin: string) =>
      call(r.app, 'OPTIONS', '/v1/motp/verify', {
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
        },
      });
    const ok = await preflight(allowed);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('Access-Control-Allow-Origin'), allowed);
    assert.equal(ok.headers.get('Access-Control-Allow-Methods'), 'GET, POST');
    assert.equal(ok.headers.get('Access-Control-Allow-Headers'), 'Authorization, Content-Type, Idempotency-Key');
    const denied = await preflight('https://evil.example');
    assert.equal(denied.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(denied.headers.get('Access-Control-Allow-Methods'), null);
  });

  test('without an allow-list no origin is ever allowed, and never *', async () => {
    const r = await rig();
    const { session } = await r.session();
    const answer = await call(r.app, 'GET', '/v1/config', { bearer: session, headers: { Origin: allowed } });
    assert.equal(answer.headers.get('Access-Control-Allow-Origin'), null);
  });
});
