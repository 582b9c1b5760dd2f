/**
 * `id-verify-server` and the shutdown as an operator meets them: real processes started from
 * the command line, probes over HTTP, a Redis that goes away, and SIGTERM with an event stream
 * open.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generateSigningJwk, importSigningKeys } from '../../src/server/index.js';
import { readHashKey } from '../../src/server/env-deploy.js';
import { serveWithProbes } from '../../src/server/serve.js';
import { startRedisServer } from '../support/redis-server.mjs';

const BIN = join(import.meta.dirname, '../../src/server/bin.ts');
const DRAINING = join(import.meta.dirname, 'fixtures/draining-server.ts');
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A running child: its output so far and how it ended. */
interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `script` with tsx under `env` (on top of a clean PATH). */
function run(script: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the child's output matches `pattern`; the match. */
async function waitFor(r: Run, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(r.stdout());
    if (match) return match;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.stderr()}`);
    if (Date.now() > until) throw new Error(`no ${pattern} in: ${r.stdout()} ${r.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The exit code, or a failure when the process is still running after `ms`. */
async function exitWithin(r: Run, ms: number): Promise<number | null> {
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms));
  const code = await Promise.race([r.exited, timer]);
  assert.notEqual(code, 'late', `still running ${ms} ms after the signal`);
  return code as number | null;
}

/** Polls `/readyz` until it answers 200 (the client connects in the background). */
async function untilReady(base: string, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while ((await fetch(`${base}/readyz`)).status !== 200) {
    assert.ok(Date.now() < until, `${base} not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const BASE_ENV = { IDV_ISSUER: 'https://verify.example.ac.kr/api', IDV_AUDIENCE: 'example-lms', HOST: '127.0.0.1', PORT: '0' };
const listening = /id-verify-server on http:\/\/127\.0\.0\.1:(\d+)/;

describe('id-verify-server', () => {
  test('generate-signing-key and generate-hash-key print what IDV_SIGNING_KEYS and IDV_HASH_KEY take', async () => {
    const keys = run(BIN, ['generate-signing-key']);
    assert.equal(await keys.exited, 0, keys.stderr());
    const [imported] = await importSigningKeys(JSON.parse(keys.stdout()));
    assert.ok(imported!.kid);
    const hash = run(BIN, ['generate-hash-key']);
    assert.equal(await hash.exited, 0, hash.stderr());
    assert.equal(readHashKey({ IDV_HASH_KEY: hash.stdout().trim() })!.length, 32);
  });

  test('a bad setting stops the start with the variable named', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ IDV_STORE: 'redis' }, /REDIS_URL: is required/],
      [{ IDV_STORE: 'postgres' }, /IDV_STORE: expected memory or redis/],
      [{ IDV_HASH_KEY: 'c2hvcnQ' }, /IDV_HASH_KEY: holds 5 bytes/],
      [{ IDV_ISSUER: '' }, /IDV_ISSUER: is required/],
      [{ PORT: 'eighty' }, /PORT: expected a port number/],
      [{ IDV_MOTP: 'hrdk-fake' }, /IDV_MOTP: hrdk-fake is for npm start/],
      [{ IDV_PHONE: 'simulator' }, /IDV_PHONE: the simulator is for npm start/],
      [{ IDV_PHONE: 'nice-fake' }, /IDV_PHONE: nice-fake is for npm start/],
      [{ IDV_PHONE: 'portone' }, /IDV_PORTONE_\w+/],
    ];
    await Promise.all(
      cases.map(async ([env, message]) => {
        const r = run(BIN, [], { ...BASE_ENV, ...env });
        assert.equal(await r.exited, 1, `${JSON.stringify(env)}: ${r.stdout()}`);
        assert.match(r.stderr(), message);
        assert.doesNotMatch(r.stderr(), /\n\s+at /, 'no stack trace');
      }),
    );
  });

  test('on memory: probes at the root, the API under IDV_BASE_PATH with the configured keys; SIGTERM exits 0', async () => {
    const jwk = await generateSigningJwk();
    const r = run(BIN, [], { ...BASE_ENV, IDV_BASE_PATH: '/api', IDV_SIGNING_KEYS: JSON.stringify({ keys: [jwk] }) });
    const base = `http://127.0.0.1:${(await waitFor(r, listening))[1]}`;
    assert.match(r.stdout(), /mOTP\s+built-in TOTP\n\s+phone check\s+none \(IDV_PHONE unset\)/);
    assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get('cache-control'), 'no-store');
    const jwks = (await (await fetch(`${base}/api/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string; d?: string }> };
    assert.deepEqual(
      jwks.keys.map((key) => [key.kid, key.d]),
      [[jwk.kid, undefined]],
    );
    assert.equal((await fetch(`${base}/api/v1/config`)).status, 401);
    assert.equal((await fetch(`${base}/healthz`, { method: 'POST' })).status, 405);
    r.child.kill('SIGTERM');
    assert.equal(await exitWithin(r, 5_000), 0);
  });

  test('with IDV_PHONE=portone and IDV_MOTP=hrdk the real adapters serve, and no dev route exists', async () => {
    const r = run(BIN, [], {
      ...BASE_ENV,
      IDV_PHONE: 'portone',
      IDV_PORTONE_SECRET: 'secret-for-the-test',
      IDV_PORTONE_STORE_ID: 'store-test',
      IDV_PORTONE_CHANNEL_KEY: 'channel-test',
      IDV_MOTP: 'hrdk',
      IDV_HRDK_AGENT_ID: 'agent-test',
    });
    const base = `http://127.0.0.1:${(await waitFor(r, listening))[1]}`;
    assert.match(r.stdout(), /mOTP\s+HRD Korea at https:\/\/emonotp\.hrdkorea\.or\.kr/);
    assert.match(r.stdout(), /phone check\s+portone/);
    assert.doesNotMatch(r.stdout() + r.stderr(), /secret-for-the-test|DEV ROUTES/);
    assert.equal((await fetch(`${base}/v1/dev/session`, { method: 'POST' })).status, 404);
    r.child.kill('SIGTERM');
    assert.equal(await exitWithin(r, 5_000), 0);
  });

  test('on Redis: an outage fails /readyz and answers 503 UPSTREAM_UNAVAILABLE (never a 500 or a hang); back when Redis is', async () => {
    let redis = await startRedisServer();
    try {
      const r = run(BIN, [], {
        ...BASE_ENV,
        IDV_STORE: 'redis',
        REDIS_URL: redis.url,
        IDV_SIGNING_KEYS: JSON.stringify({ keys: [await generateSigningJwk()] }),
        IDV_HASH_KEY: 'a'.repeat(43),
      });
      const base = `http://127.0.0.1:${(await waitFor(r, listening))[1]}`;
      assert.match(r.stdout(), /store\s+Redis redis:\/\/127\.0\.0\.1:\d+ \(keys idv:\*\)/);
      await untilReady(base);

      await redis.stop();
      const bearer = { Authorization: `Bearer ${'A'.repeat(43)}` };
      const started = Date.now();
      const config = await fetch(`${base}/v1/config`, { headers: bearer });
      assert.ok(Date.now() - started < 3_000, `answered in ${Date.now() - started} ms`);
      assert.equal(config.status, 503);
      assert.ok(config.headers.get('retry-after'));
      const body = (await config.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'UPSTREAM_UNAVAILABLE');
      assert.doesNotMatch(JSON.stringify(body), /ECONNREFUSED|Redis|at /);
      const readyz = await fetch(`${base}/readyz`);
      assert.equal(readyz.status, 503);
      assert.ok(readyz.headers.get('retry-after'));
      assert.equal((await fetch(`${base}/healthz`)).status, 200, 'the process itself is fine');

      redis = await startRedisServer({ port: redis.port });
      await untilReady(base);
      assert.equal((await fetch(`${base}/v1/config`, { headers: bearer })).status, 401, 'an unknown session again');
      r.child.kill('SIGTERM');
      assert.equal(await exitWithin(r, 5_000), 0);
    } finally {
      await redis.stop();
    }
  });
});

describe('shutdown', () => {
  test('SIGTERM ends an open event stream with a retry hint, and the process exits 0 within 5 s', async () => {
    const r = run(DRAINING);
    const base = `http://127.0.0.1:${(await waitFor(r, /\{"port":(\d+)\}/))[1]}`;
    const post = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const { session } = (await (await post('/v1/dev/session')).json()) as { session: string };
    const auth = { Authorization: `Bearer ${session}` };
    const { id } = (await (await post('/v1/captcha', {}, auth)).json()) as { id: string };
    const { answer } = (await (await post(`/v1/dev/captcha/${id}`)).json()) as { answer: string };
    const start = { carrier: 'SKT', method: 'app', name: '홍길동', phone: '010-1234-5678', consent: true, captcha: { id, answer } };
    const started = await post('/v1/phone/start', start, auth);
    assert.equal(started.status, 200, await started.clone().text());
    const { tx } = (await started.json()) as { tx: string };

    const stream = await fetch(`${base}/v1/phone/${tx}/events`, { headers: auth });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('\n\n')) seen += (await reader.read()).value ?? '';
    assert.match(seen, /"status":"pending"/);

    const signalled = Date.now();
    r.child.kill('SIGTERM');
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
    assert.match(seen, /\n\nretry: \d+\n\n$/, `the stream ends with the hint: ${JSON.stringify(seen)}`);
    assert.ok(Date.now() - signalled < 2_000, 'the stream ended promptly');
    assert.equal(await exitWithin(r, 5_000), 0);
    await assert.rejects(fetch(`${base}/healthz`), 'no longer listening');
  });

  test('a request still running at the drain deadline is cut, and the shutdown completes', async () => {
    let closed = false;
    const serving = await serveWithProbes({
      fetch: () => new Promise<Response>(() => {}),
      hostname: '127.0.0.1',
      port: 0,
      ready: async () => {},
      drain: () => {},
      close: async () => {
        closed = true;
      },
      drainTimeoutMs: 200,
    });
    const hung = fetch(`http://127.0.0.1:${serving.port}/anything`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await serving.shutdown();
    assert.ok(Date.now() - started < 2_000, `shutdown took ${Date.now() - started} ms`);
    assert.equal(await hung, 'cut');
    assert.equal(closed, true);
  });
});
