/**
 * The store the server tests run on. `IDV_TEST_STORE=redis` (what `npm run test:server` sets
 * on its second pass) puts every rig on Redis: `IDV_TEST_REDIS_URL` when given, otherwise a
 * `redis-server` this process starts on a free loopback port and stops when its tests end.
 * Each store gets a key prefix of its own, so tests running side by side never meet.
 */
import { after } from 'node:test';
import { Redis } from 'ioredis';
import { createMemoryStore, type Store } from '../../src/server/index.js';
import { createRedisStore, failFastRedisOptions, type RedisStore } from '../../src/server/stores/redis.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.mjs';

/** Which store the rigs use in this run. */
export const STORE_KIND: 'memory' | 'redis' = readKind(process.env.IDV_TEST_STORE);

function readKind(value: string | undefined): 'memory' | 'redis' {
  if (value === undefined || value === '' || value === 'memory') return 'memory';
  if (value === 'redis') return 'redis';
  throw new Error(`IDV_TEST_STORE must be memory or redis, got ${JSON.stringify(value)}`);
}

/** A store for one test, with a way to read everything it holds. */
export interface TestStore extends Store {
  /** Every live entry as `[key, value]` (keys without the Redis prefix). */
  dump(): Promise<Array<[string, unknown]>>;
}

let server: Promise<RedisServer> | undefined;
let shared: Redis | undefined;
let stores = 0;
const clients: Redis[] = [];

// Registered when the test file loads, so it runs once all of the file's tests are done.
after(async () => {
  for (const client of clients) client.disconnect();
  await (await server)?.stop();
});

/** This process's Redis: the given URL, or one it starts (once) and stops after its tests. */
export async function testRedisUrl(): Promise<string> {
  const given = process.env.IDV_TEST_REDIS_URL;
  if (given) return given;
  server ??= startRedisServer();
  return (await server).url;
}

/** A fresh client on this process's Redis, closed after the file's tests (fail-fast, as the app's). */
export async function testRedisClient(): Promise<Redis> {
  const client = new Redis(await testRedisUrl(), failFastRedisOptions());
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve);
    client.once('error', reject);
  });
  clients.push(client);
  return client;
}

/** Options of {@link testRedisStore}. */
export interface TestRedisStoreOptions {
  /** Key prefix (default: one no other store uses); stores given one prefix share their data. */
  prefix?: string;
  /** A client of its own, as another process would have (default: one shared by this process). */
  ownClient?: boolean;
}

/** A Redis store on this process's Redis, under a prefix no other test uses unless given. */
export async function testRedisStore(clock?: () => number, options: TestRedisStoreOptions = {}): Promise<RedisStore & TestStore> {
  const client = options.ownClient ? await testRedisClient() : (shared ??= await testRedisClient());
  const store = createRedisStore({ client, prefix: options.prefix ?? uniquePrefix(), ...(clock ? { clock } : {}) });
  return Object.assign(store, { dump: () => dumpRedis(store, clock ?? Date.now) });
}

/** A memory store with the async dump every {@link TestStore} has. */
export function testMemoryStore(clock?: () => number): TestStore {
  const store = createMemoryStore(clock ? { clock } : {});
  const dump = store.dump.bind(store);
  return { ...store, dump: async () => dump() };
}

/** The store this run's rigs use: memory, or Redis under a fresh prefix. */
export function testStore(clock?: () => number): Promise<TestStore> {
  return STORE_KIND === 'redis' ? testRedisStore(clock) : Promise.resolve(testMemoryStore(clock));
}

/** A prefix unique to this process and store. */
export function uniquePrefix(): string {
  return `t${process.pid}-${++stores}-${Math.random().toString(36).slice(2, 8)}:`;
}

/** Every live entry under the store's prefix, parsed, with the prefix cut off. */
async function dumpRedis(store: RedisStore, clock: () => number): Promise<Array<[string, unknown]>> {
  const out: Array<[string, unknown]> = [];
  const client = store.client as Redis;
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${store.prefix}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const [json, expiresAt] = await client.hmget(key, 'v', 'e');
      if (json === null || (expiresAt !== null && Number(expiresAt) <= clock())) continue;
      out.push([key.slice(store.prefix.length), JSON.parse(json)]);
    }
  } while (cursor !== '0');
  return out;
}
