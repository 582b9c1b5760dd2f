/** The phone path on a real socket (`@hono/node-server`): events streamed over HTTP, bodyless POSTs, the socket's IP. */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { rig, type Rig } from './helpers.js';
import { captcha, startBody } from './phone-helpers.js';

describe('phone path over a real socket', () => {
  let r: Rig;
  let server: ServerType;
  let base: string;

  before(async () => {
    r = await rig({ ipSendsPerHour: 2 });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: r.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  const startOver = async (session: string, overrides: Record<string, unknown>) =>
    fetch(`${base}/v1/phone/start`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.9' },
      body: JSON.stringify(startBody(await captcha(r, session), overrides)),
    });

  test('events arrive as they happen; an empty-body POST works; the per-IP cap uses the socket address', async () => {
    const { session } = await r.session();
    const auth = { Authorization: `Bearer ${session}` };
    const started = await startOver(session, { method: 'app' });
    assert.equal(started.status, 200);
    const { tx } = await started.json();

    const stream = await fetch(`${base}/v1/phone/${tx}/events`, { headers: auth });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.headers.get('cache-control'), 'no-store');
    const text = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('\n\n')) seen += (await text.read()).value ?? '';
    assert.match(seen, /^event: status\ndata: \{"status":"pending","expiresIn":180\}\n\n/);
    await fetch(`${base}/v1/dev/pass/${tx}/approve`, { method: 'POST' });
    for (;;) {
      const { value, done } = await text.read();
      if (done) break;
      seen += value;
    }
    assert.match(seen, /event: status\ndata: \{"status":"approved","expiresIn":0\}\n\n$/);

    // Node's fetch sends `Content-Length: 0` and no type for a body-less POST.
    const complete = await fetch(`${base}/v1/phone/${tx}/complete`, { method: 'POST', headers: auth });
    assert.equal(complete.status, 200);
    assert.equal((await complete.json()).method, 'app');

    // Second send from 127.0.0.1 (another phone, so only the IP counts) fills the cap of 2.
    const other = await r.session({ subject: 'socket-2', phone: '010-4000-0002' });
    assert.equal((await startOver(other.session, { method: 'app', phone: '010-4000-0002' })).status, 200);
    const third = await r.session({ subject: 'socket-3', phone: '010-4000-0003' });
    const capped = await startOver(third.session, { method: 'app', phone: '010-4000-0003' });
    assert.equal(capped.status, 429, 'X-Forwarded-For did not make it another client');
    assert.ok(Number(capped.headers.get('retry-after')) > 0);
  });
});
