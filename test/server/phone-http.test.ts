/** HTTP surface of the captcha and phone calls: shapes, auth, methods, content types, bodyless POSTs. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, rig } from './helpers.js';
import { captcha, GAP_MS, phonePost, startBody, startSms } from './phone-helpers.js';

describe('captcha calls', () => {
  test('POST /v1/captcha → the protocol shape; the audio needs the session and is a WAV', async () => {
    const r = await rig();
    const { session } = await r.session();
    const issued = await call(r.app, 'POST', '/v1/captcha', { bearer: session, body: {} });
    assert.equal(issued.status, 200);
    assert.deepEqual(Object.keys(issued.body).sort(), ['expiresIn', 'id', 'image', 'length']);
    assert.equal(issued.body.length, 6);
    assert.ok(Array.isArray(issued.body.image.paths) && issued.body.image.paths.length > 0);
    assert.equal((await call(r.app, 'GET', `/v1/captcha/${issued.body.id}/audio`)).status, 401);
    const response = await r.app.fetch(
      new Request(`http://127.0.0.1/v1/captcha/${issued.body.id}/audio`, { headers: { Authorization: `Bearer ${session}` } }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'audio/wav');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 4)), 'RIFF');
    assert.equal((await call(r.app, 'GET', '/v1/captcha/nope/audio', { bearer: session })).status, 404);
    assert.equal((await call(r.app, 'POST', '/v1/captcha', { body: {} })).status, 401);
    assert.equal((await call(r.app, 'GET', '/v1/captcha', { bearer: session })).status, 405);
    assert.equal((await call(r.app, 'POST', '/v1/dev/captcha/nope', { body: {} })).status, 404);
  });
});

describe('phone calls over HTTP', () => {
  test('extend, resend and complete take no body, `{}`, or JSON — never text, form or multipart', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    r.advance(GAP_MS);
    assert.equal((await phonePost(r, session, tx, 'resend')).status, 200, 'no body, no Content-Type');
    assert.equal((await phonePost(r, session, tx, 'extend', {})).status, 200, '{}');
    const form = new FormData();
    form.set('x', '1');
    const refused: Array<[string, BodyInit, Record<string, string>]> = [
      ['text/plain', '{}', { 'Content-Type': 'text/plain' }],
      ['form', new URLSearchParams({ x: '1' }), {}],
      ['multipart', form, {}],
      ['untyped bytes', new Blob(['{}']), {}],
    ];
    for (const action of ['extend', 'resend', 'complete']) {
      for (const [label, raw, headers] of refused) {
        const answer = await call(r.app, 'POST', `/v1/phone/${tx}/${action}`, { bearer: session, raw, headers });
        assert.equal(answer.status, 415, `${action} ${label}`);
      }
      const notObject = await call(r.app, 'POST', `/v1/phone/${tx}/${action}`, {
        bearer: session,
        raw: '[]',
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(notObject.status, 400, `${action} []`);
      assert.equal((await call(r.app, 'GET', `/v1/phone/${tx}/${action}`, { bearer: session })).status, 405);
      assert.equal((await call(r.app, 'POST', `/v1/phone/${tx}/${action}`, { body: {} })).status, 401);
    }
  });

  test('start and verify insist on JSON; GET on them is 405', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    for (const path of ['/v1/phone/start', `/v1/phone/${tx}/verify`]) {
      assert.equal((await call(r.app, 'POST', path, { bearer: session })).status, 415, path);
      const plain = await call(r.app, 'POST', path, { bearer: session, raw: '{}', headers: { 'Content-Type': 'text/plain' } });
      assert.equal(plain.status, 415, path);
      const get = await call(r.app, 'GET', path, { bearer: session });
      assert.equal(get.status, 405, path);
      assert.equal(get.headers.get('Allow'), 'POST');
    }
    assert.equal((await call(r.app, 'POST', `/v1/phone/${tx}`, { bearer: session, body: {} })).headers.get('Allow'), 'GET');
  });

  test('GET /v1/phone/{tx} follows an SMS code: pending with the time left, then expired', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    r.advance(60_500);
    assert.deepEqual((await call(r.app, 'GET', `/v1/phone/${tx}`, { bearer: session })).body, { status: 'pending', expiresIn: 119 });
  });

  test('random start bodies never produce a 5xx', async () => {
    const r = await rig();
    const { session } = await r.session();
    const solved = await captcha(r, session);
    const values: unknown[] = [null, 0, -1, 1e308, '', 'x'.repeat(300), [], {}, [1, 2], { a: { b: {} } }, true, '９', '\u0000'];
    let seed = 7;
    const pick = () => values[(seed = (seed * 48271) % 2147483647) % values.length];
    for (let i = 0; i < 200; i++) {
      const body: Record<string, unknown> = startBody(solved);
      for (const key of ['carrier', 'method', 'name', 'phone', 'birth', 'consent', 'captcha', 'purpose']) {
        if (seed % 3 === 0 || i % 8 === 0) body[key] = pick();
      }
      const answer = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body });
      assert.ok(answer.status < 500, `${answer.status} for ${JSON.stringify(body)}`);
      pick();
    }
  });
});
