/** The memory store: TTLs on the injected clock, and the atomic primitives the policies rely on. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore } from '../../src/server/index.js';

describe('memory store', () => {
  test('get/set/delete with TTL on the injected clock', async () => {
    let now = 1_000;
    const store = createMemoryStore({ clock: () => now });
    await store.set('a', { x: 1 }, 100);
    await store.set('b', 'forever');
    assert.deepEqual(await store.get('a'), { x: 1 });
    now += 99;
    assert.deepEqual(await store.get('a'), { x: 1 });
    now += 1;
    assert.equal(await store.get('a'), undefined);
    assert.equal(await store.get('b'), 'forever');
    await store.delete('b');
    assert.equal(await store.get('b'), undefined);
  });

  test('values are copies of JSON; non-serialisable values are refused', async () => {
    const store = createMemoryStore();
    const value = { list: [1, 2] };
    await store.set('k', value);
    value.list.push(3);
    assert.deepEqual(await store.get('k'), { list: [1, 2] });
    await assert.rejects(store.set('f', () => 1));
    await assert.rejects(store.set('n', 1n));
  });

  test('setIfAbsent stores once, and again after expiry', async () => {
    let now = 0;
    const store = createMemoryStore({ clock: () => now });
    assert.equal(await store.setIfAbsent('k', 1, 10), true);
    assert.equal(await store.setIfAbsent('k', 2, 10), false);
    assert.equal(await store.get('k'), 1);
    now = 10;
    assert.equal(await store.setIfAbsent('k', 3, 10), true);
    assert.equal(await store.get('k'), 3);
  });

  test('chargeAttempt is atomic under concurrency and stops at max; refund never goes below zero', async () => {
    const store = createMemoryStore();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.chargeAttempt('c', 5)));
    assert.equal(results.filter((r) => r.allowed).length, 5);
    assert.deepEqual(
      results.filter((r) => r.allowed).map((r) => r.count),
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

  test('chargeAttempt with a TTL restarts the life; refund keeps it', async () => {
    let now = 0;
    const store = createMemoryStore({ clock: () => now });
    await store.chargeAttempt('c', 5, 100);
    now = 90;
    await store.chargeAttempt('c', 5, 100);
    now = 150;
    assert.equal(await store.get('c'), 2);
    await store.refund('c');
    now = 190;
    assert.equal(await store.get('c'), undefined);
  });

  test('raiseTo only ever raises', async () => {
    const store = createMemoryStore();
    assert.equal(await store.raiseTo('s', 10), true);
    assert.equal(await store.raiseTo('s', 10), false);
    assert.equal(await store.raiseTo('s', 9), false);
    assert.equal(await store.raiseTo('s', 11), true);
    const race = await Promise.all([store.raiseTo('t', 5), store.raiseTo('t', 5), store.raiseTo('t', 5)]);
    assert.deepEqual(race.filter(Boolean).length, 1);
  });

  test('dump lists only live entries', async () => {
    let now = 0;
    const store = createMemoryStore({ clock: () => now });
    await store.set('a', 1, 5);
    await store.set('b', 2);
    now = 5;
    assert.deepEqual(store.dump(), [['b', 2]]);
  });
});
