/**
 * The Lua scripts behind the Redis store's compound operations. Redis runs a script as one
 * step, so "read, decide, write" cannot interleave with another instance's — the same
 * guarantee the memory store gets from JavaScript's single thread.
 *
 * Layout of one entry: a hash with `v` (the value's JSON text) and, when it expires, `e` (the
 * expiry in epoch milliseconds of the app's clock). Redis also expires the key itself after the
 * same time (`PEXPIRE`), so nothing outlives its life; `e` is what makes expiry follow an
 * injected clock exactly as the memory store does. Every script touches exactly one key, so
 * each works unchanged on a Redis Cluster (no cross-slot access).
 *
 * Every time and expiry is computed in JavaScript and passed as text: Lua's numbers print in
 * `%.14g`, which would garble large integers on the way back.
 */

/** Shared helpers: the live value of `KEYS[1]` at `now`, and a write with or without a life. */
const PRELUDE = `
local function live(now)
  local f = redis.call('HMGET', KEYS[1], 'v', 'e')
  if not f[1] then return nil end
  if f[2] and tonumber(f[2]) <= now then return nil end
  return f[1]
end
local function write(json, expiresAt, ttl)
  redis.call('DEL', KEYS[1])
  if expiresAt == '' then
    redis.call('HSET', KEYS[1], 'v', json)
  elseif tonumber(ttl) > 0 then
    redis.call('HSET', KEYS[1], 'v', json, 'e', expiresAt)
    redis.call('PEXPIRE', KEYS[1], ttl)
  end
end
`;

/** A Lua script the store registers under `name`, taking one key. */
export interface RedisScript {
  /** Command name it is registered as on the client. */
  name: string;
  /** Source. */
  lua: string;
}

/** `set`: ARGV json, expiresAt ('' = never), ttl. */
export const SET_SCRIPT: RedisScript = {
  name: 'idvSet',
  lua: `${PRELUDE}
write(ARGV[1], ARGV[2], ARGV[3])
return 1`,
};

/** `setIfAbsent`: ARGV now, json, expiresAt, ttl → 1 when stored. */
export const SET_IF_ABSENT_SCRIPT: RedisScript = {
  name: 'idvSetIfAbsent',
  lua: `${PRELUDE}
if live(tonumber(ARGV[1])) then return 0 end
write(ARGV[2], ARGV[3], ARGV[4])
return 1`,
};

/**
 * `chargeAttempt`: ARGV now, max, expiresAt, ttl (both '' = keep the counter's life) →
 * { allowed 0|1, count }. A value that is not a number counts as 0, as in the memory store.
 */
export const CHARGE_SCRIPT: RedisScript = {
  name: 'idvCharge',
  lua: `${PRELUDE}
local v = live(tonumber(ARGV[1]))
local count = 0
if v then count = tonumber(v) or 0 end
if count >= tonumber(ARGV[2]) then return { 0, tostring(count) } end
count = count + 1
if ARGV[3] ~= '' then
  write(tostring(count), ARGV[3], ARGV[4])
elseif v then
  redis.call('HSET', KEYS[1], 'v', tostring(count))
else
  write(tostring(count), '', '')
end
return { 1, tostring(count) }`,
};

/** `refund`: ARGV now. Takes one back from a live positive counter, keeping its life. */
export const REFUND_SCRIPT: RedisScript = {
  name: 'idvRefund',
  lua: `${PRELUDE}
local v = live(tonumber(ARGV[1]))
local count = v and tonumber(v) or 0
if count > 0 then redis.call('HSET', KEYS[1], 'v', tostring(count - 1)) end
return 1`,
};

/** `raiseTo`: ARGV now, value (JSON number text), expiresAt, ttl → 1 when raised. */
export const RAISE_SCRIPT: RedisScript = {
  name: 'idvRaise',
  lua: `${PRELUDE}
local v = live(tonumber(ARGV[1]))
if v and (tonumber(v) or 0) >= tonumber(ARGV[2]) then return 0 end
write(ARGV[2], ARGV[3], ARGV[4])
return 1`,
};

/** Every script, for registration. */
export const REDIS_SCRIPTS = [SET_SCRIPT, SET_IF_ABSENT_SCRIPT, CHARGE_SCRIPT, REFUND_SCRIPT, RAISE_SCRIPT] as const;
