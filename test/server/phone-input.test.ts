/** What `POST /v1/phone/start` accepts (docs/security.md rule 16, 17): fields, birth dates, resident numbers, consent, captcha. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, rig } from './helpers.js';
import { captcha, inbox, start, startBody } from './phone-helpers.js';

describe('phone start input', () => {
  test('birth dates (today is 2025-03-10 KST): real, past, digit fitting the century', async () => {
    const r = await rig();
    const table: Array<[string, boolean, string]> = [
      ['900101-1', true, '1990, digit 1'],
      ['900101-2', true, '1990, digit 2'],
      ['000229-3', true, '2000-02-29: a leap day'],
      ['050607-4', true, '2005, digit 4'],
      ['851231-5', true, 'foreign resident, 1985'],
      ['100101-8', true, 'foreign resident, 2010'],
      ['９００１０１－１', true, 'full-width'],
      ['9001011', true, 'no dash'],
      ['900101 - 1', true, 'spaced'],
      ['250310-3', true, 'today'],
      ['250311-3', false, 'tomorrow'],
      ['991231-3', false, '2099: the future'],
      ['900101-3', false, 'digit 3 means 20xx: 2090 is the future'],
      ['050607-1', true, '1905 with a 19xx digit'],
      ['900230-1', false, 'Feb 30'],
      ['010229-3', false, '2001-02-29: not a leap year'],
      ['901301-1', false, 'month 13'],
      ['900100-1', false, 'day 0'],
      ['900101-9', false, 'digit 9: 1800s'],
      ['900101-0', false, 'digit 0: 1800s'],
      ['90010-1', false, 'too short'],
      ['9001a1-1', false, 'a letter'],
      ['', false, 'empty'],
    ];
    for (const [birth, ok, label] of table) {
      // Two minutes apart keeps the sends under 5 per 10 minutes; a fresh session outlives them.
      r.advance(120_000);
      const { session } = await r.session();
      const answer = await start(r, session, { birth });
      if (ok) assert.equal(answer.status, 200, `${label}: ${answer.text}`);
      else {
        assert.equal(answer.status, 400, label);
        assert.equal(answer.body.error.code, 'INVALID_INPUT', label);
        assert.equal(answer.body.error.field, 'birth', label);
      }
    }
  });

  test('any payload carrying 8+ resident-number digits → 400 before anything else, field named, value never echoed', async () => {
    const r = await rig();
    const { session } = await r.session();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ birth: '900101-1234567' }, 'birth'],
      [{ birth: '9001011234567' }, 'birth'],
      [{ birth: '900101-12' }, 'birth'],
      [{ birth: '900101 1234 567' }, 'birth'],
      [{ rrn: '900101-1234567' }, 'rrn'],
      [{ note: 'my number is 900101-1234567' }, 'note'],
      [{ extra: { deep: ['x', '９００１０１１２３４５６７'] } }, 'extra.deep.1'],
      [{ name: '홍길동9001011234567' }, 'name'],
      [{ method: 'app', birth: undefined, identityNumber: '9001011234567' }, 'identityNumber'],
      [{ '9001011234567': true }, 'body'],
      [{ consent: false, carrier: 'XX', resident: '900101.1234567' }, 'resident'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await start(r, session, overrides);
      assert.equal(answer.status, 400, field);
      assert.equal(answer.body.error.code, 'INVALID_INPUT', field);
      assert.equal(answer.body.error.field, field);
      assert.ok(!answer.text.includes('1234567'), 'the digits are not echoed');
    }
    assert.deepEqual(await inbox(r), []);
  });

  test('a Korean phone number is not a resident number; 7 digits of birth are fine', async () => {
    const r = await rig();
    const { session } = await r.session();
    assert.equal((await start(r, session, { phone: '01012345678', birth: '9001011' })).status, 200);
  });

  test('carrier, method, name, consent, captcha and purpose are checked and named', async () => {
    const r = await rig();
    const { session } = await r.session();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ carrier: 'SKB' }, 'INVALID_INPUT', 'carrier'],
      [{ carrier: undefined }, 'INVALID_INPUT', 'carrier'],
      [{ method: 'voice' }, 'INVALID_INPUT', 'method'],
      [{ name: '' }, 'INVALID_INPUT', 'name'],
      [{ name: '   ' }, 'INVALID_INPUT', 'name'],
      [{ name: '홍길동<script>' }, 'INVALID_INPUT', 'name'],
      [{ name: 'x'.repeat(31) }, 'INVALID_INPUT', 'name'],
      [{ name: 42 }, 'INVALID_INPUT', 'name'],
      [{ phone: 42 }, 'INVALID_INPUT', 'phone'],
      [{ consent: false }, 'CONSENT_REQUIRED', 'consent'],
      [{ consent: 'true' }, 'CONSENT_REQUIRED', 'consent'],
      [{ consent: undefined }, 'CONSENT_REQUIRED', 'consent'],
      [{ birth: undefined }, 'INVALID_INPUT', 'birth'],
      [{ method: 'app', birth: '900101-1' }, 'INVALID_INPUT', 'birth'],
      [{ method: 'qr', birth: '' }, 'INVALID_INPUT', 'birth'],
      [{ captcha: undefined }, 'INVALID_INPUT', 'captcha'],
      [{ captcha: { id: 'x' } }, 'INVALID_INPUT', 'captcha'],
      [{ captcha: 'abc' }, 'INVALID_INPUT', 'captcha'],
      [{ purpose: 'exam' }, 'INVALID_INPUT', 'purpose'],
      [{ purpose: 'holiday' }, 'INVALID_INPUT', 'purpose'],
      [{ purpose: 'motp-unlock' }, 'INVALID_INPUT', 'purpose'],
    ];
    for (const [overrides, code, field] of cases) {
      const answer = await start(r, session, overrides);
      assert.equal(answer.status, 400, JSON.stringify(overrides));
      assert.equal(answer.body.error.code, code, JSON.stringify(overrides));
      assert.equal(answer.body.error.field, field, JSON.stringify(overrides));
    }
    assert.deepEqual(await inbox(r), [], 'nothing was sent');
    // Latin names and the session's own purpose are fine.
    const { session: latin } = await r.session({ subject: 'learner-009' });
    assert.equal((await start(r, latin, { name: ' Hong Gil Dong ', method: 'app', purpose: 'login' })).status, 200);
  });

  test('input refusals cost nothing: the captcha of a refused start still works', async () => {
    const r = await rig();
    const { session } = await r.session();
    const solved = await captcha(r, session);
    const refused = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(solved, { consent: false }) });
    assert.equal(refused.body.error.code, 'CONSENT_REQUIRED');
    const ok = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(solved) });
    assert.equal(ok.status, 200);
  });

  test('captcha: a wrong answer → CAPTCHA_FAILED, costs the captcha, sends nothing; answers are single use', async () => {
    const r = await rig();
    const { session } = await r.session();
    const solved = await captcha(r, session);
    const wrong = String((Number(solved.answer) + 1) % 10 ** solved.answer.length).padStart(solved.answer.length, '0');
    const failed = await call(r.app, 'POST', '/v1/phone/start', {
      bearer: session,
      body: startBody({ id: solved.id, answer: wrong }),
    });
    assert.equal(failed.status, 400);
    assert.equal(failed.body.error.code, 'CAPTCHA_FAILED');
    const retried = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(solved) });
    assert.equal(retried.body.error.code, 'CAPTCHA_FAILED', 'the right answer is too late: the captcha was spent');
    const fresh = await captcha(r, session);
    assert.equal((await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(fresh) })).status, 200);
    const reused = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: startBody(fresh) });
    assert.equal(reused.body.error.code, 'CAPTCHA_FAILED', 'a solved captcha works once');
    assert.equal((await inbox(r)).length, 1);
  });
});
