/**
 * Two instances of the app behind one load balancer, sharing one Redis (and one hash key):
 * each has its own Redis client, as two processes would, and every rule holds across them —
 * the learner's mOTP lock, the charge before compare, single-use SMS codes, and a PASS
 * approval followed live through whichever instance the page happens to stream from.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { config, PHONE, rig, verifyMotp, type Rig } from './helpers.js';
import { captcha, latestCode, startBody, startSms, verifySms } from './phone-helpers.js';
import { testRedisStore, uniquePrefix } from './stores.js';

/** Instances A and B of one service: one Redis prefix, separate clients. */
async function pair(): Promise<{ a: Rig; b: Rig }> {
  const prefix = uniquePrefix();
  const onShared = { store: (clock: () => number) => testRedisStore(clock, { prefix, ownClient: true }) };
  return { a: await rig({}, onShared), b: await rig({}, onShared) };
}

describe('two instances on one Redis', () => {
  const servers: ServerType[] = [];
  after(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  /** Serves the instance on a real socket; its base URL. */
  const listen = (r: Rig) =>
    new Promise<string>((resolve) => {
      const server = serve({ fetch: r.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
      servers.push(server);
    });

  test('3 wrong mOTP codes on A and 2 on B lock the learner on both', async () => {
    const { a, b } = await pair();
    const { session } = await a.session();
    const wrong = await a.wrongCode();
    for (const instance of [a, a, a, b, b]) {
      assert.equal((await verifyMotp(instance.app, session, wrong)).body.error.code, 'INVALID_CODE');
    }
    for (const instance of [a, b]) {
      const answer = await verifyMotp(instance.app, session, await a.code());
      assert.equal(answer.status, 423, 'even the right code is refused');
      assert.equal(answer.body.error.code, 'LOCKED');
      assert.equal((await config(instance.app, session)).body.motp.locked, true);
    }
    // A new session minted on B for the same learner finds the lock too.
    const fresh = await b.session();
    assert.equal((await verifyMotp(a.app, fresh.session, await a.code())).body.error.code, 'LOCKED');
  });

  test('200 concurrent wrong guesses spread over both → exactly 5 evaluated', async () => {
    const { a, b } = await pair();
    const { session } = await b.session();
    const wrong = await a.wrongCode();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => verifyMotp((i % 2 ? a : b).app, session, wrong)));
    const codes = answers.map((answer) => answer.body.error.code);
    assert.equal(codes.filter((code) => code === 'INVALID_CODE').length, 5);
    assert.equal(codes.filter((code) => code === 'LOCKED' || code === 'RATE_LIMITED').length, 195);
    assert.equal(a.verifyCalls + b.verifyCalls, 5, `A evaluated ${a.verifyCalls}, B ${b.verifyCalls}`);
  });

  test('an SMS code accepted on A is ALREADY_USED on B; the code sent through A shows in the inbox read through B', async () => {
    const { a, b } = await pair();
    const { session } = await a.session();
    const tx = await startSms(a, session);
    const code = await latestCode(b);
    const accepted = await verifySms(a, session, tx, code);
    assert.equal(accepted.status, 200, accepted.text);
    assert.ok(accepted.body.token);
    const again = await verifySms(b, session, tx, code);
    assert.equal(again.body.error.code, 'ALREADY_USED');
    assert.equal(again.body.token, undefined);
  });

  test('a PASS approval is seen through A’s event stream while the page started the check on B', async () => {
    const { a, b } = await pair();
    const [baseA, baseB] = [await listen(a), await listen(b)];
    const { session } = await b.session();
    const auth = { Authorization: `Bearer ${session}` };
    const solved = await captcha(b, session);
    const started = await fetch(`${baseB}/v1/phone/start`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(startBody(solved, { method: 'app' })),
    });
    assert.equal(started.status, 200);
    const { tx } = (await started.json()) as { tx: string };

    const stream = await fetch(`${baseA}/v1/phone/${tx}/events`, { headers: auth });
    assert.equal(stream.status, 200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('\n\n')) seen += (await reader.read()).value ?? '';
    assert.match(seen, /"status":"pending"/);

    // The simulated phone lists the request through A and approves it through B.
    const waiting = (await (await fetch(`${baseA}/v1/dev/pass/pending`, jsonPost({ phone: PHONE }))).json()) as {
      requests: Array<{ tx: string }>;
    };
    assert.deepEqual(
      waiting.requests.map((request) => request.tx),
      [tx],
    );
    assert.equal((await fetch(`${baseB}/v1/dev/pass/${tx}/approve`, { method: 'POST' })).status, 200);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
    assert.match(seen, /event: status\ndata: \{"status":"approved"[^\n]*\}\n\n$/);

    // "인증 완료" on A finishes the check: one token, and B agrees it is used.
    const complete = await fetch(`${baseA}/v1/phone/${tx}/complete`, { method: 'POST', headers: auth });
    assert.equal(complete.status, 200);
    assert.ok(((await complete.json()) as { token?: string }).token);
    const twice = await fetch(`${baseB}/v1/phone/${tx}/complete`, { method: 'POST', headers: auth });
    assert.equal(((await twice.json()) as { error: { code: string } }).error.code, 'ALREADY_USED');
  });
});

/** A JSON POST's init. */
function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
