/** The simulator calls beside HRD Korea's provider pointed at the fake: sessions with a course, and the fake's mOTP secrets. */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { generate } from 'otplib';
import { call, PHONE } from './helpers.js';
import { hrdkRig, type HrdkRig } from './hrdk-helpers.js';

let r: HrdkRig;
afterEach(() => r?.close());

describe('dev routes beside HRD Korea', () => {
  test('/v1/dev/motp/enroll answers from the enroller given (the fake), and its codes pass HRD Korea', async () => {
    r = await hrdkRig({}, { enrollFromFake: true });
    const enrolled = await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone: PHONE } });
    assert.equal(enrolled.status, 200);
    // What the phone simulator's mOTP app computes in the browser from that URI.
    const secret = new URL(enrolled.body.otpauth).searchParams.get('secret')!;
    const shown = await generate({ secret, period: 60, epoch: Math.floor(r.now / 1000) });
    const { session } = await r.hrdkSession('exam');
    assert.equal((await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: shown, phone: PHONE } })).status, 200);
    assert.equal(r.fake.received('accredit')[0]!.fields.OTPNO, shown);
  });

  test('without an enroller, the provider that cannot enrol has no enroll route', async () => {
    r = await hrdkRig();
    assert.equal((await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone: PHONE } })).status, 404);
  });

  test('/v1/dev/session takes the course, which reaches HRD Korea; a bad one is refused naming the field', async () => {
    r = await hrdkRig();
    const course = { coursePk: 'DEMO-1', classPk: 'DEMO-1-3', classTime: '12' };
    const dev = await call(r.app, 'POST', '/v1/dev/session', { body: { subject: 'dev-course', purpose: 'assignment', course } });
    assert.equal(dev.status, 200);
    const ok = await call(r.app, 'POST', '/v1/motp/verify', { bearer: dev.body.session, body: { otp: await r.hrdkCode(), phone: PHONE } });
    assert.equal(ok.status, 200);
    const [sent] = r.fake.received('accredit');
    assert.deepEqual(
      [sent!.fields.COURSE_AGENT_PK, sent!.fields.CLASS_AGENT_PK, sent!.fields.CLASS_TME, sent!.fields.EVAL_CD],
      ['DEMO-1', 'DEMO-1-3', '12', '03'],
    );

    for (const [bad, field] of [
      [{ ...course, classTime: '3' }, 'course.classTime'],
      ['DEMO-1', 'course'],
      [{ ...course, extra: 'x' }, 'course'],
    ] as const) {
      const refused = await call(r.app, 'POST', '/v1/dev/session', { body: { course: bad } });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'INVALID_INPUT');
      assert.equal(refused.body.error.field, field);
    }
  });
});
