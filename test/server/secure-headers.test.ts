/**
 * Hono's secure headers on every answer of the API (JSON, errors, preflights, the event stream,
 * the captcha's WAV) and of the demo (pages, which keep their strict CSP, and files).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { createDemoApp } from '../../demo/app.js';
import { STRICT_CSP } from '../../demo/csp.js';
import { API_SECURE_HEADERS, apiSecureHeaders } from '../../src/server/http/secure-headers.js';
import { call, ORIGIN, rig } from './helpers.js';
import { captcha, start } from './phone-helpers.js';

/** Asserts the headers every answer carries; `label` names the answer in a failure. */
function assertSecure(headers: Headers, label: string, opener: string | null = 'same-origin') {
  assert.equal(headers.get('X-Content-Type-Options'), 'nosniff', label);
  assert.equal(headers.get('Referrer-Policy'), 'no-referrer', label);
  assert.equal(headers.get('X-Frame-Options'), 'SAMEORIGIN', label);
  // The demo's pages take part in the window check's popup, which must keep its opener.
  assert.equal(headers.get('Cross-Origin-Opener-Policy'), opener, label);
  assert.equal(headers.get('Cross-Origin-Resource-Policy'), 'same-origin', label);
  // Left to whoever terminates TLS for the whole host.
  assert.equal(headers.get('Strict-Transport-Security'), null, label);
}

describe('secure headers', () => {
  test("the list JSON answers are built with is exactly what Hono's middleware writes", async () => {
    const probe = new Hono().use(apiSecureHeaders).get('/', (c) => c.body(null));
    const written = Object.fromEntries((await probe.request('/')).headers);
    const expected = Object.fromEntries(Object.entries(API_SECURE_HEADERS).map(([name, value]) => [name.toLowerCase(), value]));
    assert.deepEqual(written, expected);
  });

  test('the API: success, refusals, preflight, 404 outside the base path, stream and audio', async () => {
    const r = await rig({ basePath: '/api', allowedOrigins: ['https://lms.example'] });
    const { session } = await r.session();
    const { id } = await captcha(withBase(r), session);
    const tx = (await start(withBase(r), session, { method: 'app' })).body.tx as string;
    const answers: Array<[string, Headers]> = [];
    const add = async (label: string, method: string, path: string, init: Parameters<typeof call>[3] = {}) =>
      answers.push([label, (await call(r.app, method, path, init)).headers]);
    await add('config', 'GET', '/api/v1/config', { bearer: session });
    await add('config, cross-origin', 'GET', '/api/v1/config', { bearer: session, headers: { Origin: 'https://lms.example' } });
    await add('idempotent replay', 'POST', '/api/v1/captcha', { bearer: session, body: {}, headers: { 'Idempotency-Key': 'k1' } });
    await add('idempotent replay', 'POST', '/api/v1/captcha', { bearer: session, body: {}, headers: { 'Idempotency-Key': 'k1' } });
    await add('401', 'GET', '/api/v1/config');
    await add('405', 'GET', '/api/v1/motp/verify', { bearer: session });
    await add('413', 'POST', '/api/v1/motp/verify', { bearer: session, body: { pad: 'x'.repeat(9000) } });
    await add('415', 'POST', '/api/v1/motp/verify', { bearer: session, raw: '{}', headers: { 'Content-Type': 'text/plain' } });
    await add('404 outside', 'GET', '/elsewhere');
    await add('preflight', 'OPTIONS', '/api/v1/motp/verify', {
      headers: { Origin: 'https://lms.example', 'Access-Control-Request-Method': 'POST' },
    });
    await add('jwks', 'GET', '/api/.well-known/jwks.json');
    const audio = await r.app.fetch(new Request(`${ORIGIN}/api/v1/captcha/${id}/audio`, { headers: { Authorization: `Bearer ${session}` } }));
    assert.equal(audio.headers.get('Content-Type'), 'audio/wav');
    answers.push(['audio', audio.headers]);
    await audio.arrayBuffer();

    const abort = new AbortController();
    const stream = await r.app.fetch(
      new Request(`${ORIGIN}/api/v1/phone/${tx}/events`, { headers: { Authorization: `Bearer ${session}` }, signal: abort.signal }),
    );
    assert.match(stream.headers.get('Content-Type')!, /^text\/event-stream/);
    const first = new TextDecoder().decode((await stream.body!.getReader().read()).value);
    assert.match(first, /^event: status\ndata: \{"status":"pending"/, 'the stream still streams');
    answers.push(['events', stream.headers]);
    abort.abort();

    for (const [label, headers] of answers) {
      assertSecure(headers, label);
      assert.equal(headers.get('Content-Security-Policy'), "default-src 'none'; frame-ancestors 'none'", label);
      assert.equal(headers.get('Cache-Control'), 'no-store', label);
    }
  });

  test('the demo: pages keep their strict CSP, files and the LMS endpoint get the rest', async () => {
    const distDir = mkdtempSync(join(tmpdir(), 'demo-headers-'));
    writeFileSync(join(distDir, 'index.html'), '<meta name="lms-page" content="__PAGE_ID__">');
    writeFileSync(join(distDir, 'phone.html'), '<title>phone</title>');
    writeFileSync(join(distDir, 'id-verify.js'), 'export {};');
    const demo = createDemoApp({ origin: 'http://127.0.0.1:8080', distDir, scriptDir: distDir });
    const get = (path: string, init?: RequestInit) => demo.fetch(new Request(`http://127.0.0.1:8080${path}`, init));
    for (const path of ['/', '/script-tag', '/phone']) {
      const page = await get(path);
      assert.equal(page.status, 200, path);
      assertSecure(page.headers, path, null);
      assert.equal(page.headers.get('Content-Security-Policy'), STRICT_CSP, path);
    }
    const token = await get('/lms/verify-token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assertSecure(token.headers, '/lms/verify-token', null);
    const script = await get('/dist/id-verify.js');
    assert.equal(script.status, 200);
    assertSecure(script.headers, '/dist/id-verify.js', null);
    assertSecure((await get('/api/v1/config')).headers, '/api through the demo');
  });
});

/** The rig's app seen without its `/api` base path, for the helpers that address `/v1/…`. */
function withBase<T extends { app: { fetch: (request: Request, env?: unknown) => Promise<Response> } }>(r: T): T {
  return { ...r, app: { ...r.app, fetch: (request: Request, env?: unknown) => r.app.fetch(rebase(request), env) } };
}

/** `request` with `/api` put in front of its path. */
function rebase(request: Request): Request {
  const url = new URL(request.url);
  url.pathname = `/api${url.pathname}`;
  return new Request(url, { method: request.method, headers: request.headers, body: request.body, duplex: 'half' } as RequestInit);
}
