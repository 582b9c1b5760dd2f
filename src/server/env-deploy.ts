/**
 * The deployment settings of `npm start` and `id-verify-server`, read from the environment:
 * where state lives (memory or Redis), the keys every instance must share, who the tokens are
 * for, which origins may call, how many proxies stand in front, and where the audit file goes.
 * Each variable is parsed strictly; a bad value stops the start with an {@link EnvConfigError}
 * naming it (and never echoing a secret).
 */
import { readFile } from 'node:fs/promises';
import type { AuditRotation } from './audit-file.js';
import { MIN_AUDIT_FILE_BYTES } from './audit-file.js';
import { fromBase64Url } from './crypto.js';
import { EnvConfigError, type Env } from './env.js';
import { importSigningKeys, SigningKeyError, type SigningKey } from './keys.js';
import { DEFAULT_REDIS_PREFIX } from './stores/redis.js';

/** Where state lives. */
export type StoreSetting = { kind: 'memory' } | { kind: 'redis'; url: string; prefix: string };

/** What the deployment variables say; absent members were not set. */
export interface DeployEnv {
  /** `IDV_STORE` (+ `REDIS_URL`, `IDV_REDIS_PREFIX`). */
  store: StoreSetting;
  /** `IDV_SIGNING_KEYS`: the first signs, all are published. */
  signingKeys?: SigningKey[];
  /** `IDV_HASH_KEY`. */
  hashKey?: Uint8Array;
  /** `IDV_ISSUER`. */
  issuer?: string;
  /** `IDV_AUDIENCE`. */
  audience?: string;
  /** `IDV_ALLOWED_ORIGINS`. */
  allowedOrigins?: string[];
  /** `IDV_TRUST_PROXY`. */
  trustProxy?: number;
  /** `IDV_AUDIT_FILE` (+ `IDV_AUDIT_ROTATE`). */
  audit?: { path: string; rotate: AuditRotation };
}

/** Shortest hash key accepted, in bytes (HMAC-SHA-256's own block of strength). */
export const MIN_HASH_KEY_BYTES = 32;
/** More proxies than this in front of one app is a typo, not a deployment. */
const MAX_PROXIES = 10;

/**
 * Reads every deployment variable. With `IDV_STORE=redis`, `IDV_SIGNING_KEYS` and
 * `IDV_HASH_KEY` are required: instances with keys of their own would not understand each
 * other's sessions, records or tokens.
 */
export async function readDeployEnv(env: Env): Promise<DeployEnv> {
  const store = readStoreSetting(env);
  const out: DeployEnv = { store };
  const signingKeys = await readSigningKeys(env);
  if (signingKeys) out.signingKeys = signingKeys;
  const hashKey = readHashKey(env);
  if (hashKey) out.hashKey = hashKey;
  if (store.kind === 'redis') {
    for (const [name, value] of [
      ['IDV_SIGNING_KEYS', signingKeys],
      ['IDV_HASH_KEY', hashKey],
    ] as const) {
      if (!value) throw new EnvConfigError(name, 'is required with IDV_STORE=redis: every instance must share it');
    }
  }
  const issuer = readIssuer(env);
  if (issuer) out.issuer = issuer;
  const audience = text(env, 'IDV_AUDIENCE');
  if (audience !== undefined) {
    if (audience.length > 200) throw new EnvConfigError('IDV_AUDIENCE', 'is longer than 200 characters');
    out.audience = audience;
  }
  const origins = readOrigins(env);
  if (origins) out.allowedOrigins = origins;
  const trustProxy = readTrustProxy(env);
  if (trustProxy !== undefined) out.trustProxy = trustProxy;
  const audit = readAudit(env);
  if (audit) out.audit = audit;
  return out;
}

/** `IDV_STORE`: `memory` (default) or `redis`, which needs `REDIS_URL`. */
export function readStoreSetting(env: Env): StoreSetting {
  const kind = text(env, 'IDV_STORE') ?? 'memory';
  if (kind === 'memory') return { kind };
  if (kind !== 'redis') throw new EnvConfigError('IDV_STORE', `expected memory or redis, got ${JSON.stringify(kind)}`);
  const url = text(env, 'REDIS_URL');
  if (!url) throw new EnvConfigError('REDIS_URL', 'is required with IDV_STORE=redis (redis://host:6379 or rediss://…)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EnvConfigError('REDIS_URL', 'is not a URL (redis://host:6379 or rediss://…)');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new EnvConfigError('REDIS_URL', `must start with redis:// or rediss://, not ${parsed.protocol}//`);
  }
  const prefix = text(env, 'IDV_REDIS_PREFIX') ?? DEFAULT_REDIS_PREFIX;
  if (!/^[\w:.-]{1,64}$/.test(prefix)) {
    throw new EnvConfigError('IDV_REDIS_PREFIX', 'must be 1–64 letters, digits or _ : . -');
  }
  return { kind, url, prefix };
}

/** `IDV_SIGNING_KEYS`: a JWK set of ES256 private keys, as JSON text or the path of a file holding it. */
export async function readSigningKeys(env: Env): Promise<SigningKey[] | undefined> {
  const value = text(env, 'IDV_SIGNING_KEYS');
  if (value === undefined) return undefined;
  let json = value;
  if (!value.startsWith('{')) {
    try {
      json = await readFile(value, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new EnvConfigError('IDV_SIGNING_KEYS', `is neither a JWK set ({ "keys": … }) nor a readable file (${code})`);
    }
  }
  let set: unknown;
  try {
    set = JSON.parse(json);
  } catch {
    throw new EnvConfigError('IDV_SIGNING_KEYS', 'does not hold valid JSON');
  }
  try {
    return await importSigningKeys(set);
  } catch (error) {
    if (error instanceof SigningKeyError) throw new EnvConfigError('IDV_SIGNING_KEYS', error.message);
    throw error;
  }
}

/** `IDV_HASH_KEY`: base64url of at least 32 random bytes. */
export function readHashKey(env: Env): Uint8Array | undefined {
  const value = text(env, 'IDV_HASH_KEY');
  if (value === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(value.replace(/=+$/, ''));
  } catch {
    throw new EnvConfigError('IDV_HASH_KEY', 'is not base64url');
  }
  if (bytes.length < MIN_HASH_KEY_BYTES) {
    throw new EnvConfigError('IDV_HASH_KEY', `holds ${bytes.length} bytes; at least ${MIN_HASH_KEY_BYTES} are needed`);
  }
  return bytes;
}

/** `IDV_ISSUER`: this server's public http(s) URL. */
function readIssuer(env: Env): string | undefined {
  const value = text(env, 'IDV_ISSUER');
  if (value === undefined) return undefined;
  if (!isHttpUrl(value)) throw new EnvConfigError('IDV_ISSUER', 'must be an http(s) URL, e.g. https://verify.example.ac.kr/api');
  return value;
}

/** `IDV_ALLOWED_ORIGINS`: comma-separated origins, each exactly `scheme://host[:port]`. */
function readOrigins(env: Env): string[] | undefined {
  const value = text(env, 'IDV_ALLOWED_ORIGINS');
  if (value === undefined) return undefined;
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!isHttpUrl(origin) || new URL(origin).origin !== origin) {
      throw new EnvConfigError('IDV_ALLOWED_ORIGINS', `${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path)`);
    }
  }
  return origins;
}

/** `IDV_TRUST_PROXY`: how many reverse proxies you run in front (0–10). */
function readTrustProxy(env: Env): number | undefined {
  const value = text(env, 'IDV_TRUST_PROXY');
  if (value === undefined) return undefined;
  if (!/^\d{1,2}$/.test(value) || Number(value) > MAX_PROXIES) {
    throw new EnvConfigError('IDV_TRUST_PROXY', `expected the number of proxies in front (0–${MAX_PROXIES}), got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

const SIZE_UNITS: Record<string, number> = { '': 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** `IDV_AUDIT_FILE` and `IDV_AUDIT_ROTATE` (`daily`, the default, or a size such as `50MB`). */
function readAudit(env: Env): DeployEnv['audit'] {
  const path = text(env, 'IDV_AUDIT_FILE');
  const rotation = text(env, 'IDV_AUDIT_ROTATE');
  if (path === undefined) {
    if (rotation !== undefined) throw new EnvConfigError('IDV_AUDIT_ROTATE', 'is set but IDV_AUDIT_FILE is not');
    return undefined;
  }
  if (rotation === undefined || rotation.toLowerCase() === 'daily') return { path, rotate: 'daily' };
  const size = /^(\d+)\s*(KB|MB|GB)?$/i.exec(rotation);
  const maxBytes = size ? Number(size[1]) * SIZE_UNITS[(size[2] ?? '').toUpperCase()]! : NaN;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < MIN_AUDIT_FILE_BYTES) {
    throw new EnvConfigError('IDV_AUDIT_ROTATE', `expected daily or a size of at least 4KB (e.g. 50MB), got ${JSON.stringify(rotation)}`);
  }
  return { path, rotate: { maxBytes } };
}

/** The variable's trimmed value; unset and empty both mean "not set". */
function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
