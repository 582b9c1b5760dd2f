/**
 * The privacy scan the Redis end-to-end suite ends with: it must find each kind of plaintext
 * when one is planted (so a clean result means something), and find nothing in what the app
 * itself writes to Redis after PASS, SMS and mOTP runs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPlaintext, readWholeRedis, type KnownSecrets } from '../support/privacy-scan.js';
import { PHONE, rig, verifyMotp } from './helpers.js';
import { BIRTH, latestCode, NAME, startSms, verifySms } from './phone-helpers.js';
import { testRedisClient, testRedisStore, uniquePrefix } from './stores.js';

const known = (extra: Partial<KnownSecrets> = {}): KnownSecrets => ({
  names: [NAME],
  phones: [PHONE],
  births: [BIRTH],
  codes: [],
  sessions: [],
  ...extra,
});

describe('privacy scan', () => {
  test('finds every kind of plaintext planted in Redis, whatever the value type', async () => {
    const client = await testRedisClient();
    let p = '';
    const session = 'S'.repeat(43);
    const planted: Array<[string, () => Promise<unknown>]> = [
      ['name 홍길동', () => client.set(`${p}a`, JSON.stringify({ who: '홍길동' }))],
      ['phone 01012345678', () => client.hset(`${p}b`, 'v', '"01012345678"')],
      ['phone 010 1234 5678', () => client.rpush(`${p}c`, 'call 010 1234 5678')],
      ['phone +821012345678', () => client.sadd(`${p}d`, '+821012345678')],
      ['phone 010-7000-0042', () => client.set(`${p}e`, 'an unknown learner 010-7000-0042')],
      ['birth date 1990-01-01', () => client.zadd(`${p}f`, 1, 'born 1990-01-01')],
      ['birth date 900101-1', () => client.set(`${p}g`, '900101-1')],
      ['code 482913', () => client.set(`${p}h`, JSON.stringify({ code: '482913' }))],
      ['code-like 731946', () => client.set(`${p}i`, '{"otp":"731946"}')],
      [`session ${session}`, () => client.set(`${p}${session}`, '1')],
    ];
    // Other test files share this Redis: each plant gets a prefix of its own, and only it is read.
    for (const [expected, plant] of planted) {
      p = uniquePrefix();
      await plant();
      const findings = findPlaintext(await readWholeRedis(client, `${p}*`), known({ codes: ['482913'], sessions: [session] }));
      assert.ok(
        findings.some((finding) => finding.what.startsWith(expected)),
        `${expected} not found: ${JSON.stringify(findings)}`,
      );
    }
    p = uniquePrefix();
    await client.set(`${p}captcha:abc`, JSON.stringify({ v: '{"answer":"123456"}' }));
    await client.set(`${p}clock`, JSON.stringify({ e: '1741575600000', step: 29026260, n: 5 }));
    await client.set(`${p}phone:ip:498889:h`, '3');
    const quiet = known({ notCodes: ['498889'] });
    assert.deepEqual(findPlaintext(await readWholeRedis(client, `${p}*`), quiet), [], 'a captcha answer, timestamps, counters, hour numbers');
    await client.set(`${p}late`, '{"otp":"111111","again":"222222"}');
    const both = findPlaintext(await readWholeRedis(client, `${p}*`), quiet).map((finding) => finding.what);
    assert.deepEqual(both.sort(), ['code-like 111111', 'code-like 222222'], 'every code in a value, not only the first');
  });

  test('what the app writes to Redis after mOTP and SMS runs holds nothing personal', async () => {
    const client = await testRedisClient();
    const prefix = uniquePrefix();
    const r = await rig({}, { store: (clock) => testRedisStore(clock, { prefix }) });
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    const motp = await r.code();
    await verifyMotp(r.app, session, wrong);
    assert.equal((await verifyMotp(r.app, session, motp)).status, 200);
    const tx = await startSms(r, session);
    const sms = await latestCode(r);
    assert.equal((await verifySms(r, session, tx, sms)).status, 200);
    const everything = [...(await readWholeRedis(client, `${prefix}*`)), { where: 'audit', text: JSON.stringify(r.app.auditLog()) }];
    assert.ok(everything.length > 10, `scanned ${everything.length} keys`);
    assert.deepEqual(findPlaintext(everything, known({ codes: [wrong, motp, sms], sessions: [session] })), []);
  });
});
