/** The deployment variables: each parsed strictly, each bad value named, no secret echoed. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EnvConfigError, generateSigningJwk } from '../../src/server/index.js';
import { readDeployEnv } from '../../src/server/env-deploy.js';

const HASH_KEY = 'x'.repeat(43);

describe('deployment variables', () => {
  test('nothing set: memory store, keys generated per process, nothing else', async () => {
    assert.deepEqual(await readDeployEnv({}), { store: { kind: 'memory' } });
  });

  test('everything set is read: Redis, keys (inline or from a file), issuer, audience, origins, proxies, audit', async () => {
    const jwk = await generateSigningJwk();
    const dir = await mkdtemp(join(tmpdir(), 'idv-env-'));
    try {
      const file = join(dir, 'keys.json');
      await writeFile(file, JSON.stringify({ keys: [jwk] }));
      const settings = await readDeployEnv({
        IDV_STORE: 'redis',
        REDIS_URL: 'rediss://:secret@redis.internal:6380/2',
        IDV_REDIS_PREFIX: 'verify:',
        IDV_SIGNING_KEYS: file,
        IDV_HASH_KEY: HASH_KEY,
        IDV_ISSUER: 'https://verify.example.ac.kr/api',
        IDV_AUDIENCE: 'example-lms',
        IDV_ALLOWED_ORIGINS: 'https://lms.example.ac.kr, https://m.example.ac.kr:8443',
        IDV_TRUST_PROXY: '1',
        IDV_AUDIT_FILE: '/var/log/id-verify/audit.jsonl',
        IDV_AUDIT_ROTATE: '50MB',
      });
      assert.deepEqual(settings.store, { kind: 'redis', url: 'rediss://:secret@redis.internal:6380/2', prefix: 'verify:' });
      assert.equal(settings.signingKeys![0]!.kid, jwk.kid);
      assert.equal(settings.hashKey!.length, 32);
      assert.equal(settings.issuer, 'https://verify.example.ac.kr/api');
      assert.equal(settings.audience, 'example-lms');
      assert.deepEqual(settings.allowedOrigins, ['https://lms.example.ac.kr', 'https://m.example.ac.kr:8443']);
      assert.equal(settings.trustProxy, 1);
      assert.deepEqual(settings.audit, { path: '/var/log/id-verify/audit.jsonl', rotate: { maxBytes: 50 * 1024 * 1024 } });
      const inline = await readDeployEnv({ IDV_SIGNING_KEYS: JSON.stringify({ keys: [jwk] }), IDV_AUDIT_FILE: 'a.jsonl' });
      assert.equal(inline.signingKeys![0]!.kid, jwk.kid);
      assert.deepEqual(inline.audit, { path: 'a.jsonl', rotate: 'daily' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('every bad value stops the start with its variable named, and no secret in the message', async () => {
    const jwk = await generateSigningJwk();
    const { d: _d, ...publicJwk } = jwk;
    const redis = { IDV_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379', IDV_SIGNING_KEYS: JSON.stringify({ keys: [jwk] }), IDV_HASH_KEY: HASH_KEY };
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ IDV_STORE: 'Redis ' }, 'IDV_STORE', /memory or redis/],
      [{ IDV_STORE: 'redis' }, 'REDIS_URL', /required/],
      [{ ...redis, REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL', /redis:\/\//],
      [{ ...redis, REDIS_URL: 'not a url' }, 'REDIS_URL', /not a URL/],
      [{ ...redis, IDV_REDIS_PREFIX: 'with space' }, 'IDV_REDIS_PREFIX', /letters/],
      [{ ...redis, IDV_SIGNING_KEYS: '' }, 'IDV_SIGNING_KEYS', /required with IDV_STORE=redis/],
      [{ ...redis, IDV_HASH_KEY: '' }, 'IDV_HASH_KEY', /required with IDV_STORE=redis/],
      [{ IDV_SIGNING_KEYS: '/nonexistent/keys.json' }, 'IDV_SIGNING_KEYS', /readable file \(ENOENT\)/],
      [{ IDV_SIGNING_KEYS: '{"keys": [' }, 'IDV_SIGNING_KEYS', /valid JSON/],
      [{ IDV_SIGNING_KEYS: JSON.stringify({ keys: [publicJwk] }) }, 'IDV_SIGNING_KEYS', /public key/],
      [{ IDV_HASH_KEY: 'not base64url!' }, 'IDV_HASH_KEY', /base64url/],
      [{ IDV_HASH_KEY: 'x'.repeat(40) }, 'IDV_HASH_KEY', /30 bytes; at least 32/],
      [{ IDV_ISSUER: 'verify.example.ac.kr' }, 'IDV_ISSUER', /http\(s\) URL/],
      [{ IDV_AUDIENCE: 'a'.repeat(201) }, 'IDV_AUDIENCE', /200/],
      [{ IDV_ALLOWED_ORIGINS: 'https://lms.example.ac.kr/' }, 'IDV_ALLOWED_ORIGINS', /not an origin/],
      [{ IDV_ALLOWED_ORIGINS: '*' }, 'IDV_ALLOWED_ORIGINS', /not an origin/],
      [{ IDV_TRUST_PROXY: 'yes' }, 'IDV_TRUST_PROXY', /number of proxies/],
      [{ IDV_TRUST_PROXY: '-1' }, 'IDV_TRUST_PROXY', /number of proxies/],
      [{ IDV_TRUST_PROXY: '11' }, 'IDV_TRUST_PROXY', /number of proxies/],
      [{ IDV_AUDIT_ROTATE: 'daily' }, 'IDV_AUDIT_ROTATE', /IDV_AUDIT_FILE is not/],
      [{ IDV_AUDIT_FILE: 'a.jsonl', IDV_AUDIT_ROTATE: 'weekly' }, 'IDV_AUDIT_ROTATE', /daily or a size/],
      [{ IDV_AUDIT_FILE: 'a.jsonl', IDV_AUDIT_ROTATE: '1KB' }, 'IDV_AUDIT_ROTATE', /at least 4KB/],
    ];
    for (const [env, variable, reason] of cases) {
      const error = await readDeployEnv(env).then(
        () => assert.fail(`accepted ${JSON.stringify(env)}`),
        (e: unknown) => e,
      );
      assert.ok(error instanceof EnvConfigError, `${JSON.stringify(env)}: ${String(error)}`);
      assert.equal(error.variable, variable, JSON.stringify(env));
      assert.match(error.message, reason);
      assert.ok(!error.message.includes(jwk.d!) && !error.message.includes(HASH_KEY), 'no secret in the message');
    }
  });
});
