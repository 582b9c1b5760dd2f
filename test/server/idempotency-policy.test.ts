/** The idempotency policy on its own: bounded waits, across processes sharing a store. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createKeyedHasher } from '../../src/server/crypto.js';
import { createIdempotency, IdempotencyError } from '../../src/server/policy/idempotency.js';
import { testStore } from './stores.js';

const request = { scope: 'h POST /v1/motp/verify', key: 'k1', bearer: 'b', body: '{}' };
const answer = { status: 400, body: '{"error":{}}' };

describe('idempotency policy', () => {
  test('a duplicate waits a bounded time for a first request that hangs, then gets BUSY', async () => {
    const hash = createKeyedHasher(new Uint8Array(32));
    const guard = createIdempotency({ store: await testStore(), hash, pollMs: 5, maxWaitMs: 50 });
    let claimed!: () => void;
    const started = new Promise<void>((resolve) => (claimed = resolve));
    void guard.run(request, () => {
      claimed();
      return new Promise(() => {});
    });
    await started;
    const since = Date.now();
    const busy = (error: unknown) => error instanceof IdempotencyError && error.reason === 'BUSY';
    await assert.rejects(guard.run(request, async () => answer), busy);
    assert.ok(Date.now() - since < 1_000);
  });

  test('two processes sharing a store: the second polls and replays the first answer', async () => {
    const store = await testStore();
    const hash = createKeyedHasher(new Uint8Array(32));
    const one = createIdempotency({ store, hash, pollMs: 5 });
    const two = createIdempotency({ store, hash, pollMs: 5 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    let claimed!: () => void;
    const started = new Promise<void>((resolve) => (claimed = resolve));
    const first = one.run(request, async () => {
      runs++;
      claimed();
      await gate;
      return answer;
    });
    await started;
    const second = two.run(request, async () => {
      runs++;
      return { status: 200, body: 'second' };
    });
    setTimeout(release, 30);
    assert.deepEqual(await first, answer);
    assert.deepEqual(await second, answer);
    assert.equal(runs, 1);
  });

  test('a stored answer only opens with the same bearer and key material', async () => {
    const store = await testStore();
    const guard = createIdempotency({ store, hash: createKeyedHasher(new Uint8Array(32)) });
    await guard.run(request, async () => answer);
    const dump = JSON.stringify(await store.dump());
    assert.ok(!dump.includes('"error"'), 'the stored body is sealed');
    assert.deepEqual(await guard.run(request, async () => ({ status: 500, body: '' })), answer);
    const stranger = guard.run({ ...request, bearer: 'someone else' }, async () => answer);
    await assert.rejects(stranger, (error) => error instanceof IdempotencyError && error.reason === 'CONFLICT');
  });
});
