/** VerifyClient: deadlines, aborts, idempotency keys, Retry-After and typed errors. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VerifyClient, VerifyError, type FetchLike } from '../../src/client/index.js';
import { phoneStart, phoneVerify } from '../../src/client/phone-calls.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/**
 * A server that never answers. It holds a timer so the event loop stays alive as a real socket
 * would (Node's AbortSignal.timeout timer does not keep the process running by itself).
 */
const hang: FetchLike = (request) =>
  new Promise((_, reject) => {
    const keepAlive = setTimeout(() => reject(new Error('test server gave up')), 5_000);
    request.signal.addEventListener('abort', () => {
      clearTimeout(keepAlive);
      reject(request.signal.reason);
    });
  });

function recording(answers: Array<() => Response | Promise<Response>>) {
  const seen: Request[] = [];
  const transport: FetchLike = async (request) => {
    seen.push(request);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  return { seen, transport };
}

describe('VerifyClient', () => {
  test('sends the session as a bearer token, never in the URL, and JSON bodies on POST', async () => {
    const { seen, transport } = recording([() => json(200, { token: 't', method: 'motp', purpose: 'exam' })]);
    const client = new VerifyClient({ endpoint: 'http://verify.test/api/', session: 'secret-session', fetch: transport });
    await client.verifyMotp({ otp: '123456', phone: '010-1234-5678' });
    const [request] = seen;
    assert.equal(request!.url, 'http://verify.test/api/v1/motp/verify');
    assert.equal(request!.headers.get('Authorization'), 'Bearer secret-session');
    assert.equal(request!.headers.get('Content-Type'), 'application/json');
    assert.doesNotMatch(request!.url, /secret-session|123456|1234/);
    assert.deepEqual(await request!.json(), { otp: '123456', phone: '010-1234-5678' });
  });

  test('a POST carries an Idempotency-Key that stays the same when it is retried', async () => {
    const { seen, transport } = recording([
      () => Promise.reject(new TypeError('connection reset')),
      () => json(200, { token: 't', method: 'motp', purpose: 'exam' }),
    ]);
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport, retries: 1 });
    await client.verifyMotp({ otp: '123456', phone: '01012345678' });
    assert.equal(seen.length, 2);
    const key = seen[0]!.headers.get('Idempotency-Key');
    assert.match(key ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(seen[1]!.headers.get('Idempotency-Key'), key);
  });

  test('GETs carry no Idempotency-Key', async () => {
    const { seen, transport } = recording([() => json(200, { version: 1 })]);
    await new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport }).config('exam');
    assert.equal(seen[0]!.headers.get('Idempotency-Key'), null);
    assert.equal(seen[0]!.url, 'http://verify.test/v1/config?purpose=exam');
  });

  test('server errors become typed VerifyErrors with attemptsLeft, retryAfter and field', async () => {
    const { transport } = recording([
      () => json(400, { error: { code: 'INVALID_CODE', message: 'wrong', attemptsLeft: 3 } }),
      () => json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'Retry-After': '27' }),
      () => json(400, { error: { code: 'INVALID_INPUT', message: 'bad', field: 'phone' } }),
      () => new Response('<html>proxy error</html>', { status: 502 }),
    ]);
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport, retries: 0 });
    const call = () => client.verifyMotp({ otp: '000000', phone: '01012345678' });
    await assert.rejects(call, (e: VerifyError) => e instanceof VerifyError && e.code === 'INVALID_CODE' && e.attemptsLeft === 3);
    await assert.rejects(call, (e: VerifyError) => e.code === 'RATE_LIMITED' && e.retryAfter === 27 && e.status === 429);
    await assert.rejects(call, (e: VerifyError) => e.code === 'INVALID_INPUT' && e.field === 'phone');
    await assert.rejects(call, (e: VerifyError) => e.code === 'BAD_RESPONSE' && e.status === 502);
  });

  test('RATE_LIMITED and LOCKED are not retried automatically: the widget shows the wait', async () => {
    const { seen, transport } = recording([
      () => json(429, { error: { code: 'RATE_LIMITED', message: 'x' } }, { 'Retry-After': '1' }),
      () => json(200, {}),
    ]);
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport, retries: 3 });
    await assert.rejects(client.verifyMotp({ otp: '000000', phone: '01012345678' }), { code: 'RATE_LIMITED' });
    assert.equal(seen.length, 1);
  });

  test('a 503 with a short Retry-After is retried once after that wait, with the same key', async () => {
    const { seen, transport } = recording([
      () => json(503, { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'down' } }, { 'Retry-After': '0' }),
      () => json(200, { tx: 't', expiresIn: 180, resendIn: 30 }),
    ]);
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport });
    const result = await phoneStart(client, { carrier: 'SKT', method: 'app', name: '홍길동', phone: '01012345678', consent: true, captcha: { id: 'c', answer: '1' } });
    assert.equal(result.tx, 't');
    assert.equal(seen[0]!.headers.get('Idempotency-Key'), seen[1]!.headers.get('Idempotency-Key'));
  });

  test('a code the server handed on (mOTP, SMS) is not sent again after a 503: the service may have judged it', async () => {
    const unavailable = () => json(503, { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'down' } }, { 'Retry-After': '0' });
    const token = () => json(200, { token: 't', method: 'motp', purpose: 'exam' });
    const client = (transport: FetchLike) => new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport, retries: 3 });
    const motp = recording([unavailable, token]);
    await assert.rejects(client(motp.transport).verifyMotp({ otp: '000000', registeredPhone: true }), { code: 'UPSTREAM_UNAVAILABLE' });
    assert.equal(motp.seen.length, 1, 'mOTP: one call');
    const sms = recording([unavailable, token]);
    await assert.rejects(phoneVerify(client(sms.transport), 'tx', '123456'), { code: 'UPSTREAM_UNAVAILABLE' });
    assert.equal(sms.seen.length, 1, 'SMS: one call');
  });

  test('gives up after its deadline with TIMEOUT (and never waits longer than 10 s)', async () => {
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: hang, timeoutMs: 50, retries: 0 });
    await assert.rejects(client.config('exam'), { code: 'TIMEOUT' });
    const capped = new VerifyClient({ endpoint: 'http://x', session: 's', timeoutMs: 60_000 });
    assert.equal((capped as unknown as { timeoutMs: number }).timeoutMs, 10_000);
  });

  test('an AbortSignal cancels the call with ABORTED', async () => {
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: hang });
    const controller = new AbortController();
    const pending = client.config('exam', { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { code: 'ABORTED' });
  });

  test('network failures surface as NETWORK after the retries are spent', async () => {
    const { seen, transport } = recording([
      () => Promise.reject(new TypeError('down')),
      () => Promise.reject(new TypeError('down')),
    ]);
    const client = new VerifyClient({ endpoint: 'http://verify.test', session: 's', fetch: transport, retries: 1 });
    await assert.rejects(client.verifyMotp({ otp: '000000', phone: '01012345678' }), { code: 'NETWORK' });
    assert.equal(seen.length, 2);
  });
});
