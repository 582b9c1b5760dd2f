/** PASS app push and QR: approval on the phone, "인증 완료", the status stream. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CARRIERS } from '../../src/protocol/index.js';
import { call, ORIGIN, PHONE, rig, verifyAsLms, type Rig } from './helpers.js';
import { GAP_MS, pending, phonePost, start } from './phone-helpers.js';

/** Starts a PASS app or QR check that must succeed. */
async function startPass(r: Rig, bearer: string, method: 'app' | 'qr', overrides: Record<string, unknown> = {}) {
  const answer = await start(r, bearer, { method, ...overrides });
  assert.equal(answer.status, 200, answer.text);
  return answer.body as { tx: string; expiresIn: number; resendIn: number; qr?: { payload: string; number: string } };
}

const dev = (r: Rig, path: string, body: unknown = {}) => call(r.app, 'POST', `/v1/dev/${path}`, { body });

/** Reads server-sent events from `response` until `count` frames arrived or the stream ended. */
async function readFrames(response: Response, count: number): Promise<{ frames: string[]; ended: boolean }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const frames: string[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { frames, ended: true };
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      frames.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (frames.length === count) {
        await reader.cancel();
        return { frames, ended: false };
      }
    }
  }
}

/** The status events of a stream, as JSON, from a reader that stays open between calls. */
function statusReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(): Promise<{ status: string; expiresIn: number } | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith(':')) continue;
          assert.match(frame, /^event: status\ndata: \{.*\}$/);
          return JSON.parse(frame.slice(frame.indexOf('data: ') + 6));
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('PASS app and QR', () => {
  test('PASS app: pending on the phone → complete says pending → approve → complete → token (method app)', async () => {
    const r = await rig();
    const { session, nonce } = await r.session({ purpose: 'enroll' });
    const started = await startPass(r, session, 'app', { carrier: 'KT_MVNO' });
    assert.equal(started.expiresIn, 180);
    assert.equal(started.qr, undefined);
    const requests = await pending(r);
    assert.equal(requests.length, 1);
    assert.deepEqual({ ...requests[0], requestedAt: 0 }, { tx: started.tx, carrier: 'KT_MVNO', requestedAt: 0, expiresIn: 180 });

    const early = await phonePost(r, session, started.tx, 'complete');
    assert.deepEqual(early.body, { status: 'pending' });
    assert.equal((await call(r.app, 'GET', `/v1/phone/${started.tx}`, { bearer: session })).body.status, 'pending');

    assert.deepEqual((await dev(r, `pass/${started.tx}/approve`)).body, { ok: true });
    assert.deepEqual(await pending(r), [], 'no longer waiting on the phone');
    assert.deepEqual((await call(r.app, 'GET', `/v1/phone/${started.tx}`, { bearer: session })).body, {
      status: 'approved',
      expiresIn: 0,
    });
    // The client sends no body at all here.
    const done = await phonePost(r, session, started.tx, 'complete');
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'approved');
    assert.equal(done.body.method, 'app');
    assert.equal(done.body.purpose, 'enroll');
    const claims = await verifyAsLms(r, done.body.token, nonce);
    assert.equal(claims.method, 'app');
    assert.deepEqual(claims.amr, ['mca', 'user']);
    const twice = await phonePost(r, session, started.tx, 'complete', {});
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'ALREADY_USED');
  });

  test('PASS app denied on the phone → complete says rejected, status rejected, no token', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'app');
    assert.deepEqual((await dev(r, `pass/${tx}/deny`)).body, { ok: true });
    assert.deepEqual((await phonePost(r, session, tx, 'complete')).body, { status: 'rejected' });
    assert.deepEqual((await call(r.app, 'GET', `/v1/phone/${tx}`, { bearer: session })).body, { status: 'rejected', expiresIn: 0 });
    assert.equal((await dev(r, `pass/${tx}/approve`)).status, 404, 'a denied request cannot be approved later');
    assert.equal(r.app.auditLog().at(-1)!.result, 'rejected');
  });

  test('a request left unanswered expires at 180 s: complete says expired, the phone can no longer approve', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'app');
    r.advance(180_000);
    assert.deepEqual((await phonePost(r, session, tx, 'complete')).body, { status: 'expired' });
    assert.equal((await dev(r, `pass/${tx}/approve`)).status, 404);
    assert.deepEqual(await pending(r), []);
  });

  test('approval after the server says expired does not count', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'app');
    await dev(r, `pass/${tx}/approve`);
    r.advance(180_000);
    assert.deepEqual((await phonePost(r, session, tx, 'complete')).body, { status: 'expired' });
  });

  test('QR: a 6-digit number; typed into PASS on the right phone → complete → token (method qr)', async () => {
    const r = await rig();
    const { session } = await r.session();
    const started = await startPass(r, session, 'qr');
    assert.match(started.qr!.number, /^\d{6}$/);
    assert.equal(typeof started.qr!.payload, 'string');
    assert.deepEqual(await pending(r), [], 'QR requests are not pushed');
    const other = String((Number(started.qr!.number) + 1) % 1_000_000).padStart(6, '0');
    assert.equal((await dev(r, 'qr', { phone: PHONE, number: other })).status, 404);
    assert.equal((await dev(r, 'qr', { phone: '010-9999-0000', number: started.qr!.number })).status, 404);
    assert.equal((await dev(r, 'qr', { phone: PHONE, number: 'abcdef' })).status, 400);
    assert.deepEqual((await phonePost(r, session, started.tx, 'complete')).body, { status: 'pending' });
    assert.deepEqual((await dev(r, 'qr', { phone: PHONE, number: started.qr!.number })).body, { ok: true });
    const done = await phonePost(r, session, started.tx, 'complete');
    assert.equal(done.status, 200);
    assert.equal(done.body.method, 'qr');
    assert.equal(typeof done.body.token, 'string');
  });

  test('every carrier is accepted', async () => {
    const r = await rig();
    for (const carrier of CARRIERS) {
      r.advance(120_000);
      const { session } = await r.session();
      assert.equal((await start(r, session, { method: 'app', carrier })).status, 200, carrier);
    }
  });

  test('pushes to an unknown phone go nowhere, and the answer looks the same', async () => {
    const r = await rig();
    const { session } = await r.session();
    const known = await startPass(r, session, 'app');
    r.advance(GAP_MS);
    const unknown = await startPass(r, session, 'app', { phone: '010-5555-0000' });
    assert.deepEqual(Object.keys(unknown).sort(), Object.keys(known).sort());
    assert.deepEqual(await pending(r, '010-5555-0000'), []);
    assert.deepEqual((await phonePost(r, session, unknown.tx, 'complete')).body, { status: 'pending' });
  });

  test('events: `pending` at once, `approved` after the phone approves, then the stream closes', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'app');
    const response = await r.app.fetch(
      new Request(`${ORIGIN}/v1/phone/${tx}/events`, { headers: { Authorization: `Bearer ${session}` } }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/event-stream; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const events = statusReader(response);
    assert.deepEqual(await events.next(), { status: 'pending', expiresIn: 180 });
    await dev(r, `pass/${tx}/approve`);
    assert.deepEqual(await events.next(), { status: 'approved', expiresIn: 0 });
    assert.equal(await events.next(), null, 'closed after a terminal status');
  });

  test('events: the server clock ends the request — `expired`, then close; framing is exact', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'qr');
    const response = await r.app.fetch(
      new Request(`${ORIGIN}/v1/phone/${tx}/events`, { headers: { Authorization: `Bearer ${session}` } }),
    );
    const first = await readFrames(response.clone(), 1);
    assert.deepEqual(first.frames, ['event: status\ndata: {"status":"pending","expiresIn":180}']);
    r.advance(180_000);
    const all = await readFrames(response, 10);
    assert.equal(all.ended, true);
    assert.deepEqual(all.frames, [
      'event: status\ndata: {"status":"pending","expiresIn":180}',
      'event: status\ndata: {"status":"expired","expiresIn":0}',
    ]);
  });

  test('events: the stream stops when the client aborts', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'app');
    const abort = new AbortController();
    const response = await r.app.fetch(
      new Request(`${ORIGIN}/v1/phone/${tx}/events`, { headers: { Authorization: `Bearer ${session}` }, signal: abort.signal }),
    );
    const events = statusReader(response);
    assert.equal((await events.next())!.status, 'pending');
    abort.abort();
    const rest = await events.next().catch(() => null);
    assert.equal(rest, null);
  });

  test('events and status: unknown or foreign transaction → JSON 404; no session → 401', async () => {
    const r = await rig();
    const { session } = await r.session();
    const { tx } = await startPass(r, session, 'app');
    const other = await r.session({ subject: 'learner-002' });
    const foreign = await call(r.app, 'GET', `/v1/phone/${tx}/events`, { bearer: other.session });
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.code, 'NOT_FOUND');
    assert.equal((await call(r.app, 'GET', `/v1/phone/${tx}/events`)).status, 401);
    assert.equal((await call(r.app, 'GET', `/v1/phone/${tx}`)).status, 401);
    assert.equal((await call(r.app, 'POST', `/v1/phone/${tx}/events`, { bearer: session, body: {} })).status, 405);
  });
});
