/**
 * The store contract, run on the memory store and on a real Redis alike: TTLs on the injected
 * clock, JSON copies, and the atomic primitives the policies rely on (charge before compare,
 * single use, only-later steps). Then what only Redis has: two clients on one server, keys
 * expiring in Redis itself, prefixes, and an outage that fails fast with a typed error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../../src/server/index.js';
import { createRedisStore, failFastRedisOptions } from '../../src/server/stores/redis.js';
import { startRedisServer } from '../support/redis-server.mjs';
import { testMemoryStore, testRedisClient, testRedisStore, uniquePrefix, type TestStore } from './stores.js';

type MakeStore = (clock?: () => number) => Promise<TestStore>;

const KINDS: Array<[string, MakeStore]> = [
  ['memory', async (clock) => testMemoryStore(clock)],
  ['redis', (clock) => testRedisStore(clock)],
];

for (const [kind, make] of KINDS) {
  // Lives are seconds long though the clock is injected: Redis also expires each key on its own
  // clock (PEXPIRE), and a life of a few milliseconds could end between two calls on a busy machine.
  describe(`store contract: ${kind}`, () => {
    test('get/set/delete with TTL on the injected clock', async () => {
      let now = 1_000;
      const store = await make(() => now);
      await store.set('a', { x: 1 }, 100_000);
      await store.set('b', 'forever');
      assert.deepEqual(await store.get('a'), { x: 1 });
      now += 99_999;
      assert.deepEqual(await store.get('a'), { x: 1 });
      now += 1;
      assert.equal(await store.get('a'), undefined);
      assert.equal(await store.get('b'), 'forever');
      await store.delete('b');
      assert.equal(await store.get('b'), undefined);
      await store.delete('never-there');
    });

    test('set replaces the value and its life; a TTL of zero stores nothing live', async () => {
      let now = 0;
      const store = await make(() => now);
      await store.set('k', 1, 10_000);
      await store.set('k', 2);
      now = 50_000;
      assert.equal(await store.get('k'), 2, 'the second set has no expiry');
      await store.set('k', 3, 0);
      assert.equal(await store.get('k'), undefined);
    });

    test('values are copies of JSON; non-serialisable values are refused', async () => {
      const store = await make();
      const value = { list: [1, 2], text: '홍길동', nested: { n: null, b: true } };
      await store.set('k', value);
      value.list.push(3);
      assert.deepEqual(await store.get('k'), { list: [1, 2], text: '홍길동', nested: { n: null, b: true } });
      await assert.rejects(store.set('f', () => 1), TypeError);
      await assert.rejects(store.set('n', 1n), TypeError);
      await assert.rejects(store.setIfAbsent('u', undefined), TypeError);
    });

    test('setIfAbsent stores once, and again after expiry', async () => {
      let now = 0;
      const store = await make(() => now);
      assert.equal(await store.setIfAbsent('k', 1, 10_000), true);
      assert.equal(await store.setIfAbsent('k', 2, 10_000), false);
      assert.equal(await store.get('k'), 1);
      now = 10_000;
      assert.equal(await store.setIfAbsent('k', 3, 10_000), true);
      assert.equal(await store.get('k'), 3);
    });

    test('setIfAbsent race: of 100 parallel claims exactly one wins', async () => {
      const store = await make();
      const claims = await Promise.all(Array.from({ length: 100 }, (_, i) => store.setIfAbsent('claim', i, 60_000)));
      assert.equal(claims.filter(Boolean).length, 1);
      assert.equal(await store.get('claim'), claims.indexOf(true));
    });

    test('100 parallel chargeAttempt: exactly max allowed, counts 1..max; refund never goes below zero', async () => {
      const store = await make();
      const results = await Promise.all(Array.from({ length: 100 }, () => store.chargeAttempt('c', 5)));
      assert.equal(results.filter((r) => r.allowed).length, 5);
      assert.deepEqual(
        results
          .filter((r) => r.allowed)
          .map((r) => r.count)
          .sort(),
        [1, 2, 3, 4, 5],
      );
      assert.ok(results.filter((r) => !r.allowed).every((r) => r.count === 5));
      await store.refund('c');
      assert.equal(await store.get('c'), 4);
      assert.deepEqual(await store.chargeAttempt('c', 5), { allowed: true, count: 5 });
      for (let i = 0; i < 10; i++) await store.refund('c');
      assert.equal(await store.get('c'), 0);
      await store.refund('missing');
      assert.equal(await store.get('missing'), undefined);
    });

    test('chargeAttempt with a TTL restarts the life; without one it keeps it; refund keeps it', async () => {
      let now = 0;
      const store = await make(() => now);
      await store.chargeAttempt('c', 5, 100_000);
      now = 90_000;
      await store.chargeAttempt('c', 5, 100_000);
      now = 150_000;
      assert.equal(await store.get('c'), 2);
      await store.chargeAttempt('c', 5);
      await store.refund('c');
      assert.equal(await store.get('c'), 2);
      now = 190_000;
      assert.equal(await store.get('c'), undefined);
      assert.deepEqual(await store.chargeAttempt('c', 5), { allowed: true, count: 1 }, 'an expired counter starts again');
      now = 100_000_000;
      assert.equal(await store.get('c'), 1, 'a counter charged without a TTL never expires');
    });

    test('a value that is not a number counts as zero', async () => {
      const store = await make();
      await store.set('odd', { not: 'a number' });
      assert.deepEqual(await store.chargeAttempt('odd', 3), { allowed: true, count: 1 });
      await store.set('odd2', 'text');
      assert.equal(await store.raiseTo('odd2', 1), true);
    });

    test('raiseTo only ever raises; of parallel raises to one value exactly one wins', async () => {
      let now = 0;
      const store = await make(() => now);
      assert.equal(await store.raiseTo('s', 10), true);
      assert.equal(await store.raiseTo('s', 10), false);
      assert.equal(await store.raiseTo('s', 9), false);
      assert.equal(await store.raiseTo('s', 11), true);
      assert.equal(await store.get('s'), 11);
      const race = await Promise.all(Array.from({ length: 50 }, () => store.raiseTo('t', 29_000_000, 100_000)));
      assert.equal(race.filter(Boolean).length, 1);
      assert.equal(await store.get('t'), 29_000_000, 'large step numbers survive the round trip');
      now = 100_000;
      assert.equal(await store.raiseTo('t', 5, 100_000), true, 'an expired mark no longer blocks');
    });

    test('dump lists only live entries', async () => {
      let now = 0;
      const store = await make(() => now);
      await store.set('a', 1, 5_000);
      await store.set('b', 2);
      now = 5_000;
      assert.deepEqual(await store.dump(), [['b', 2]]);
    });
  });
}

describe('Redis store only', () => {
  test('two clients on one server: 100 parallel charges spread over both → exactly 5', async () => {
    const prefix = uniquePrefix();
    const one = createRedisStore({ client: await testRedisClient(), prefix });
    const two = createRedisStore({ client: await testRedisClient(), prefix });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? one : two).chargeAttempt('lock', 5)));
    assert.equal(results.filter((r) => r.allowed).length, 5);
    assert.equal(await one.get('lock'), 5);
    assert.equal(await two.get('lock'), 5);
  });

  test('Redis itself expires the key after its TTL (nothing outlives its life)', async () => {
    const store = await testRedisStore();
    await store.set('short', 1, 40);
    await store.chargeAttempt('counter', 5, 40);
    await store.setIfAbsent('claim', 1, 40);
    const client = store.client as Redis;
    const ttl = await client.pttl(`${store.prefix}short`);
    assert.ok(ttl > 0 && ttl <= 40, `PTTL ${ttl}`);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(await client.exists(`${store.prefix}short`, `${store.prefix}counter`, `${store.prefix}claim`), 0);
  });

  test('every key carries the prefix; another prefix sees none of it', async () => {
    const store = await testRedisStore();
    const other = await testRedisStore();
    await store.set('k', 'mine');
    assert.equal(await other.get('k'), undefined);
    const keys = await (store.client as Redis).keys(`${store.prefix}*`);
    assert.deepEqual(keys, [`${store.prefix}k`]);
  });

  test('an outage fails fast with StoreUnavailableError, and the store works again once Redis is back', async () => {
    let server = await startRedisServer();
    const logged: string[] = [];
    const store = createRedisStore({ url: server.url, prefix: uniquePrefix(), logger: { warn: (m) => logged.push(m) } });
    try {
      await waitUntil(() => store.ping().then(() => true, () => false));
      await store.set('k', 1);
      await server.stop();
      const started = Date.now();
      for (const operation of [
        () => store.get('k'),
        () => store.set('k', 2),
        () => store.delete('k'),
        () => store.setIfAbsent('k', 2),
        () => store.chargeAttempt('k', 5),
        () => store.refund('k'),
        () => store.raiseTo('k', 9),
        () => store.ping(),
      ]) {
        await assert.rejects(operation(), StoreUnavailableError);
      }
      assert.ok(Date.now() - started < 1_000, `failed in ${Date.now() - started} ms, not at the command timeout`);
      await waitUntil(async () => logged.length > 0);
      server = await startRedisServer({ port: server.port });
      await waitUntil(() => store.ping().then(() => true, () => false), 5_000);
      await store.set('k', 3);
      assert.equal(await store.get('k'), 3);
      assert.equal(logged.length, 2, logged.join('\n'));
      assert.match(logged[0]!, /Redis is unreachable/);
      assert.match(logged[1]!, /Redis is reachable again/);
    } finally {
      await store.close();
      await server.stop();
    }
  });

  test('a Redis that accepts but does not answer is cut off at the command timeout', async () => {
    const server = await startRedisServer({ args: ['--enable-debug-command', 'yes'] });
    const client = new Redis(server.url, failFastRedisOptions(300));
    const blocker = new Redis(server.url);
    const store = createRedisStore({ client, prefix: uniquePrefix() });
    try {
      await waitUntil(() => store.ping().then(() => true, () => false));
      // DEBUG SLEEP holds the server for longer than the timeout: connected, but silent.
      const sleeping = blocker.call('DEBUG', 'SLEEP', '0.6');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      await assert.rejects(store.get('k'), StoreUnavailableError);
      const waited = Date.now() - started;
      assert.ok(waited >= 250 && waited < 1_000, `waited ${waited} ms`);
      await sleeping;
    } finally {
      client.disconnect();
      blocker.disconnect();
      await server.stop();
    }
  });
});

/** Polls `check` until it holds; throws after `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
