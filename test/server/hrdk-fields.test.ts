/** What HRD Korea receives with a code: every field, for every purpose, as the fake read it off the wire. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PURPOSES, type Purpose } from '../../src/protocol/index.js';
import { PHONE } from './helpers.js';
import { AGENT_ID, COURSE, hrdkRig, serveOnSocket, type HrdkRig } from './hrdk-helpers.js';

/** The purpose → EVAL_CD / EVAL_TYPE table of docs/hrdk.md, and the lesson sent with it for course lesson 07. */
const TABLE: Record<Purpose, { EVAL_CD: string; EVAL_TYPE: string; CLASS_TME: string }> = {
  login: { EVAL_CD: '00', EVAL_TYPE: '입과', CLASS_TME: '00' },
  enroll: { EVAL_CD: '00', EVAL_TYPE: '입과', CLASS_TME: '00' },
  'course-start': { EVAL_CD: '01', EVAL_TYPE: '진도', CLASS_TME: '07' },
  daily: { EVAL_CD: '01', EVAL_TYPE: '진도', CLASS_TME: '07' },
  exam: { EVAL_CD: '02', EVAL_TYPE: '시험', CLASS_TME: '07' },
  assignment: { EVAL_CD: '03', EVAL_TYPE: '과제', CLASS_TME: '07' },
  'progress-eval': { EVAL_CD: '04', EVAL_TYPE: '진행평가', CLASS_TME: '07' },
  'motp-unlock': { EVAL_CD: '99', EVAL_TYPE: '기타', CLASS_TME: '07' },
};

describe('HRD Korea otp_accredit fields', () => {
  let r: HrdkRig;
  let server: { base: string; close(): Promise<void> };

  before(async () => {
    r = await hrdkRig();
    server = await serveOnSocket(r.app);
    // 2025-03-10 15:00:30.700 UTC: past midnight in Korea, still the 10th in UTC.
    r.advance(12 * 3600_000 + 30_700);
  });
  after(async () => {
    await server.close();
    await r.close();
  });

  /** One attempt over the socket, as the widget sends it (the phone typed with dashes). */
  async function attempt(bearer: string, otp: string) {
    const response = await fetch(`${server.base}/v1/motp/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ otp, phone: PHONE }),
    });
    return { status: response.status, body: await response.json() };
  }

  test('the table covers every purpose', () => {
    assert.deepEqual(Object.keys(TABLE).sort(), [...PURPOSES].sort());
  });

  for (const purpose of PURPOSES) {
    test(`${purpose}: name, digits-only phone, code, agent, member, session, IP, course keys, ${TABLE[purpose].EVAL_CD} ${TABLE[purpose].EVAL_TYPE}, lesson, KST time`, async () => {
      const subject = `learner-${purpose}`;
      const { session } = await r.hrdkSession(purpose, COURSE, subject);
      const otp = await r.hrdkCode();
      const answer = await attempt(session, otp);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));

      const [call] = r.fake.received('accredit').filter((record) => record.fields.USRID === subject);
      assert.ok(call, 'HRD Korea was called');
      assert.match(call.contentType, /^application\/x-www-form-urlencoded/);
      const { SESSIONID, ...fields } = call.fields;
      assert.deepEqual(fields, {
        USER_NM: '홍길동',
        USER_TEL: '01012345678',
        OTPNO: otp,
        AGTID: AGENT_ID,
        USRID: subject,
        EXIP: '127.0.0.1',
        COURSE_AGENT_PK: 'C-52',
        CLASS_AGENT_PK: '947,3',
        ...TABLE[purpose],
        USRDT: '2025-03-11 00:00:30',
      });
      assert.match(SESSIONID!, /^[A-Za-z0-9_-]{20,}$/);
      assert.notEqual(SESSIONID, session, 'never the bearer itself');
      assert.ok(!(await r.store.dump()).some(([key]) => key.includes(SESSIONID!)), 'nor a store key');
    });
  }

  test('without a course: empty course keys, lesson 00', async () => {
    const { session } = await r.hrdkSession('exam', null, 'learner-no-course');
    assert.equal((await attempt(session, await r.hrdkCode())).status, 200);
    const [call] = r.fake.received('accredit').filter((record) => record.fields.USRID === 'learner-no-course');
    assert.equal(call!.fields.COURSE_AGENT_PK, '');
    assert.equal(call!.fields.CLASS_AGENT_PK, '');
    assert.equal(call!.fields.CLASS_TME, '00');
    assert.equal(call!.fields.EVAL_CD, '02');
  });

  test('SESSIONID is stable within a session and differs between sessions', async () => {
    const first = await r.hrdkSession('daily', COURSE, 'learner-sessions');
    const second = await r.hrdkSession('daily', COURSE, 'learner-sessions');
    const wrong = await r.hrdkWrongCode();
    await attempt(first.session, wrong);
    await attempt(first.session, wrong);
    await attempt(second.session, wrong);
    const ids = r.fake.received('accredit').filter((record) => record.fields.USRID === 'learner-sessions').map((c) => c.fields.SESSIONID);
    assert.equal(ids.length, 3);
    assert.equal(ids[0], ids[1]);
    assert.notEqual(ids[0], ids[2]);
  });
});
