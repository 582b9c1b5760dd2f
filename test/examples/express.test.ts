/**
 * The README's Express example (examples/server/express.ts) on a real socket: the API answers
 * under /api, and the learner's socket address reaches the per-IP send cap (a mounting that
 * drops the adapter's env is shown to lose it, so the check can tell the difference).
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import express, { type Express } from 'express';
import { app as exampleApp, mountVerify } from '../../examples/server/express.js';
import type { VerifyApp } from '../../src/server/index.js';
import { rig, type Rig } from '../server/helpers.js';
import { captcha, startBody } from '../server/phone-helpers.js';

const servers: Server[] = [];
after(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

/** Listens on a free loopback port; the base URL. */
async function listen(app: Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A rig whose operator warnings are recorded, with a cap of two phone sends per IP. */
async function cappedRig(): Promise<{ r: Rig; warnings: string[] }> {
  const warnings: string[] = [];
  const r = await rig({ ipSendsPerHour: 2, logger: { warn: (message) => warnings.push(message) } });
  return { r, warnings };
}

/** Three phone checks from this machine, for three learners on three phones: the statuses. */
async function threeStarts(r: Rig, base: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const n of [1, 2, 3]) {
    const phone = `010-5000-000${n}`;
    const { session } = await r.session({ subject: `express-${n}`, phone });
    const answer = await fetch(`${base}/api/v1/phone/start`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(startBody(await captcha(r, session), { method: 'app', phone })),
    });
    statuses.push(answer.status);
  }
  return statuses;
}

describe('README: mounting in Express', () => {
  test('the example app serves the API under /api', async () => {
    const base = await listen(exampleApp);
    const jwks = await fetch(`${base}/api/.well-known/jwks.json`);
    assert.equal(jwks.status, 200);
    assert.equal(((await jwks.json()) as { keys: { alg: string }[] }).keys[0]!.alg, 'ES256');
    assert.equal((await fetch(`${base}/api/v1/config`)).status, 401);
  });

  test("mountVerify: the socket's address reaches the per-IP cap (the third send is refused), no warning", async () => {
    const { r, warnings } = await cappedRig();
    const app = express();
    mountVerify(app, r.app);
    assert.deepEqual(await threeStarts(r, await listen(app)), [200, 200, 429]);
    assert.deepEqual(warnings, []);
  });

  test('control: a mounting that drops the env cannot read the address, so it warns and the cap is skipped', async () => {
    const { r, warnings } = await cappedRig();
    const app = express();
    const withoutEnv = (verify: VerifyApp) => getRequestListener((request) => verify.fetch(request));
    app.use('/api', withoutEnv(r.app));
    assert.deepEqual(await threeStarts(r, await listen(app)), [200, 200, 200]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /per-IP send cap is not applied/);
  });
});
