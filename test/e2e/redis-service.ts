/**
 * The Redis a suite's `npm start` runs on: a throwaway `redis-server` on a free loopback port,
 * started by Playwright before the demo and stopped after it, and the keys every instance of
 * one service shares. The config is read by the runner and again by each worker: the runner's
 * choices travel to the workers in the environment, so all agree on one port and one key set.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { freePort } from '../support/redis-server.mjs';

/** The webServer entry that runs Redis, and what the demo's and the specs' environments need. */
export interface RedisService {
  /** Playwright `webServer` entry for `redis-server`. */
  webServer: { command: string; port: number; reuseExistingServer: false; timeout: number; stdout: 'ignore' };
  /** For `npm start`: IDV_STORE, REDIS_URL, IDV_SIGNING_KEYS, IDV_HASH_KEY. */
  env: Record<string, string>;
}

/** Chooses (once per run) the port and keys, and describes the Redis server. */
export async function redisService(): Promise<RedisService> {
  const env = process.env;
  env.IDV_E2E_REDIS_PORT ??= String(await freePort());
  env.IDV_E2E_SIGNING_KEYS ??= JSON.stringify({ keys: [{ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), alg: 'ES256' }] });
  env.IDV_E2E_HASH_KEY ??= randomBytes(32).toString('base64url');
  const port = Number(env.IDV_E2E_REDIS_PORT);
  env.IDV_E2E_REDIS_URL = `redis://127.0.0.1:${port}`;
  return {
    webServer: {
      command: `${env.REDIS_SERVER ?? 'redis-server'} --port ${port} --bind 127.0.0.1 --save '' --appendonly no`,
      port,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: 'ignore',
    },
    env: {
      IDV_STORE: 'redis',
      REDIS_URL: env.IDV_E2E_REDIS_URL,
      IDV_SIGNING_KEYS: env.IDV_E2E_SIGNING_KEYS,
      IDV_HASH_KEY: env.IDV_E2E_HASH_KEY,
    },
  };
}
