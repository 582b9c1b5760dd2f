/**
 * The Redis store: the same contract and guarantees as the memory store, shared by every
 * instance of the app. Compound operations run as Lua scripts (one step on the server, see
 * `redis-scripts.ts`); plain reads and deletes are single commands.
 *
 * Keys are `<prefix><key>`; every operation touches exactly one key, so the store works on a
 * Redis Cluster as it does on one server. Values are the same JSON the memory store holds.
 *
 * An outage never hangs a request and never surfaces as a 500: the client is built to fail
 * fast (no offline queue, no resending, a per-command timeout), and every failure is rethrown
 * as a {@link StoreUnavailableError}, which the app answers with 503 and `Retry-After`.
 *
 * The client is ioredis: the same API for one server and for a Cluster, Lua scripts defined
 * once and sent by hash (reloaded by itself after a `NOSCRIPT`), and the switches that make it
 * fail fast instead of queueing.
 */
import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import type { WarningSink } from '../http/client-ip.js';
import { REDIS_SCRIPTS, type RedisScript } from './redis-scripts.js';
import { StoreUnavailableError, type AttemptCharge, type Store } from './store.js';

/** Key prefix when none is given: keeps the app's keys apart from anything else in the database. */
export const DEFAULT_REDIS_PREFIX = 'idv:';
/** Longest wait for one command, in milliseconds, before the request is answered 503. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2_000;

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * `redis://[:password@]host:port[/db]` (or `rediss://` for TLS): the store makes its own
   * client, built to fail fast, and closes it in {@link RedisStore.close}.
   */
  url?: string;
  /**
   * A client you made (an ioredis `Redis` or `Cluster`) instead of `url`; the store never
   * closes it. Give it `enableOfflineQueue: false` and a `commandTimeout`, or an outage makes
   * requests wait for the reconnection.
   */
  client?: Redis | Cluster;
  /** Prepended to every key (default `idv:`); instances that serve one service share it. */
  prefix?: string;
  /** Epoch milliseconds (default `Date.now`); expiry follows it, as in the memory store. */
  clock?: () => number;
  /** Longest wait for one command when the store makes the client (default 2000 ms). */
  commandTimeoutMs?: number;
  /** Where connection losses are reported, once per outage (default `console`). */
  logger?: WarningSink;
}

/** The Redis store, plus what an operator and the tests need around it. */
export interface RedisStore extends Store {
  /** Resolves when Redis answers `PING`; rejects with {@link StoreUnavailableError} otherwise. */
  ping(): Promise<void>;
  /** Closes the client when the store made it (from `url`); leaves a given client open. */
  close(): Promise<void>;
  /** The prefix of every key this store writes. */
  readonly prefix: string;
  /** The client, for operators' own commands (a key scan in a privacy check, `INFO`). */
  readonly client: Redis | Cluster;
}

/** Client settings that turn an outage into an immediate error instead of a queue. */
export function failFastRedisOptions(commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS): RedisOptions {
  return {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: commandTimeoutMs,
    // Keep trying to come back, a little slower each time, never more than 2 s apart.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  };
}

type ScriptRunner = (key: string, ...args: string[]) => Promise<unknown>;

/** Creates the Redis store over `url` or a given `client`. */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const owned = options.client === undefined;
  const client = options.client ?? openClient(options);
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? console;
  if (owned) reportOutages(client, logger);

  for (const script of REDIS_SCRIPTS) {
    if (!(script.name in client)) client.defineCommand(script.name, { numberOfKeys: 1, lua: script.lua });
  }
  const run = (script: RedisScript): ScriptRunner => {
    const command = (client as unknown as Record<string, ScriptRunner>)[script.name]!;
    return (key, ...args) => guard(() => command.call(client, prefix + key, ...args));
  };
  const [setScript, setIfAbsentScript, chargeScript, refundScript, raiseScript] = REDIS_SCRIPTS.map(run) as [
    ScriptRunner,
    ScriptRunner,
    ScriptRunner,
    ScriptRunner,
    ScriptRunner,
  ];

  /** `[expiresAt, ttl]` as the scripts take them: both empty for "no expiry". */
  const life = (ttlMs: number | undefined, now: number): [string, string] =>
    ttlMs === undefined ? ['', ''] : [String(now + Math.ceil(ttlMs)), String(Math.ceil(ttlMs))];

  return {
    prefix,
    client,
    async get<T>(key: string) {
      const [json, expiresAt] = await guard(() => client.hmget(prefix + key, 'v', 'e'));
      if (json === null || json === undefined) return undefined;
      if (expiresAt !== null && expiresAt !== undefined && Number(expiresAt) <= clock()) return undefined;
      return JSON.parse(json) as T;
    },
    async set(key, value, ttlMs) {
      const now = clock();
      await setScript(key, serialise(value), ...life(ttlMs, now));
    },
    async delete(key) {
      await guard(() => client.del(prefix + key));
    },
    async setIfAbsent(key, value, ttlMs) {
      const now = clock();
      return (await setIfAbsentScript(key, String(now), serialise(value), ...life(ttlMs, now))) === 1;
    },
    async chargeAttempt(key, max, ttlMs): Promise<AttemptCharge> {
      const now = clock();
      const [allowed, count] = (await chargeScript(key, String(now), String(max), ...life(ttlMs, now))) as [number, string];
      return { allowed: allowed === 1, count: Number(count) };
    },
    async refund(key) {
      await refundScript(key, String(clock()));
    },
    async raiseTo(key, value, ttlMs) {
      const now = clock();
      return (await raiseScript(key, String(now), serialise(value), ...life(ttlMs, now))) === 1;
    },
    async ping() {
      await guard(() => client.ping());
    },
    async close() {
      if (owned) await client.quit().catch(() => client.disconnect());
    },
  };
}

function openClient(options: RedisStoreOptions): Redis {
  if (!options.url) throw new TypeError('createRedisStore needs a url or a client');
  return new Redis(options.url, failFastRedisOptions(options.commandTimeoutMs));
}

/** One line when the connection is lost, one when it is back: not one per failed retry. */
function reportOutages(client: Redis | Cluster, logger: WarningSink): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`id-verify: Redis is unreachable (${error.message}); requests are answered 503 until it is back`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.warn('id-verify: Redis is reachable again');
  });
}

/** The value's JSON text; refuses what JSON cannot hold, as the memory store does. */
function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Store values must be JSON-serialisable');
  return json;
}

/** Runs one command; any failure of Redis becomes a {@link StoreUnavailableError}. */
async function guard<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw new StoreUnavailableError(`Redis: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
