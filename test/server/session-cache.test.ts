/**
 * A session's unsealing key is derived once per process and kept in a bounded cache; the
 * learner's personal data is opened only by a call that needs it, once, and kept with the key.
 */
import assert from 'node:assert/strict';
import nodeCrypto from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createKeyedHasher } from '../../src/server/crypto.js';
import { createMemoryStore } from '../../src/server/index.js';
import { createSessionRegistry } from '../../src/server/sessions.js';
import { call, config, PHONE, rig, verifyMotp } from './helpers.js';

/**
 * Counts the crypto the server does, by kind. In Node it runs on `node:crypto` (key derivation
 * by HKDF, opening by an AES-GCM decipher, hashing by HMAC), which these wrap.
 */
const counts = { deriveKey: 0, decrypt: 0, sign: 0 };
const spied = { deriveKey: 'hkdfSync', decrypt: 'createDecipheriv', sign: 'createHmac' } as const;
const module = nodeCrypto as unknown as Record<string, (...args: unknown[]) => unknown>;
const originals = Object.fromEntries(Object.values(spied).map((name) => [name, module[name]!]));

beforeEach(() => {
  for (const [kind, name] of Object.entries(spied) as Array<[keyof typeof counts, string]>) {
    counts[kind] = 0;
    const original = originals[name]!;
    module[name] = function (this: unknown, ...args: unknown[]) {
      counts[kind]++;
      return original.apply(this, args);
    };
  }
});
afterEach(() => Object.assign(module, originals));

const zero = () => Object.assign(counts, { deriveKey: 0, decrypt: 0, sign: 0 });

describe('session keys', () => {
  test("100 config calls: no key derived, no hash computed; the learner's data opened once", async () => {
    const r = await rig();
    const { session } = await r.session();
    zero();
    for (let n = 0; n < 100; n++) assert.equal((await config(r.app, session)).status, 200);
    // The config shows the learner's name and masked phone: opened for the first answer, then kept.
    assert.deepEqual(counts, { deriveKey: 0, decrypt: 1, sign: 0 });
  });

  test("malformed input never opens the learner's data; the first mOTP attempt does, once", async () => {
    const r = await rig();
    const { session } = await r.session();
    zero();
    // Malformed input is refused before anyone looks at the learner's data.
    assert.equal((await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: 'abc', phone: PHONE } })).status, 400);
    assert.equal(counts.decrypt, 0);
    for (let n = 0; n < 3; n++) assert.equal((await verifyMotp(r.app, session, '123456', { body: { otp: '123456', phone: '010-9999-0000' } })).status, 403);
    assert.equal(counts.decrypt, 1);
    assert.equal(counts.deriveKey, 0);
  });

  test('a process that did not mint the session derives its key once, then keeps it', async () => {
    const store = createMemoryStore();
    const hash = createKeyedHasher(new Uint8Array(32).fill(3));
    const minted = await createSessionRegistry(store, hash).create({ subject: 's', name: '홍길동', phone: PHONE, purpose: 'login' });
    const other = createSessionRegistry(store, hash);
    zero();
    for (let n = 0; n < 20; n++) assert.equal((await other.load(minted.session))?.subject, 's');
    assert.equal(counts.deriveKey, 1);
    assert.equal(counts.sign, 1, 'the store handle is hashed once');
    assert.deepEqual(await (await other.load(minted.session))!.personal(), { name: '홍길동', phone: '01012345678' });
  });

  test('the cache is bounded: past its size the least recently used key is derived again', async () => {
    const store = createMemoryStore();
    const hash = createKeyedHasher(new Uint8Array(32).fill(3));
    const registry = createSessionRegistry(store, hash, 2);
    const input = { subject: 's', name: '홍길동', phone: PHONE, purpose: 'login' as const };
    const [a, b, c] = [await registry.create(input), await registry.create(input), await registry.create(input)];
    zero();
    await registry.load(b.session);
    await registry.load(c.session);
    assert.equal(counts.deriveKey, 0, 'the two most recent are kept');
    await registry.load(a.session);
    assert.equal(counts.deriveKey, 1, 'the oldest was dropped');
  });

  test('unknown bearers are not cached, and a session gone from the store is refused whatever is cached', async () => {
    const r = await rig();
    const { session } = await r.session();
    assert.equal((await config(r.app, session)).status, 200);
    r.advance(31 * 60_000);
    assert.equal((await config(r.app, session)).status, 401);
    zero();
    const unknown = 'A'.repeat(43);
    for (let n = 0; n < 3; n++) assert.equal((await config(r.app, unknown)).status, 401);
    assert.equal(counts.sign, 3, 'each unknown bearer is hashed again: nothing was kept for it');
    assert.equal(counts.deriveKey, 0);
  });
});
