/** Course context on sessions: checked strictly when minted, kept with the session, handed to the mOTP provider. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createVerifyApp, type MotpVerifyInput, type SessionInput } from '../../src/server/index.js';
import { AUDIENCE, ISSUER, PHONE, verifyMotp } from './helpers.js';

/** An app whose mOTP provider records what it was asked. */
function recordingApp() {
  const asked: MotpVerifyInput[] = [];
  const app = createVerifyApp({
    issuer: ISSUER,
    audience: AUDIENCE,
    motp: { verify: async (input) => (asked.push(input), { valid: false }) },
  });
  return { app, asked };
}

const learner: SessionInput = { subject: 'learner-001', name: '홍길동', phone: PHONE, purpose: 'exam' };

describe('course context on sessions', () => {
  test('the course travels with the session to the mOTP provider, exactly as given', async () => {
    const { app, asked } = recordingApp();
    const course = { coursePk: 'C-52', classPk: '947,3', classTime: '07' };
    const { session } = await app.createSession({ ...learner, course });
    await verifyMotp(app, session, '123456');
    assert.deepEqual(asked[0]!.course, course);
    assert.equal(asked[0]!.purpose, 'exam');
  });

  test('without a course, the provider gets none', async () => {
    const { app, asked } = recordingApp();
    const { session } = await app.createSession(learner);
    await verifyMotp(app, session, '123456');
    assert.equal(asked[0]!.course, undefined);
  });

  test('progress-eval is a purpose of its own', async () => {
    const { app, asked } = recordingApp();
    const { session } = await app.createSession({ ...learner, purpose: 'progress-eval' });
    await verifyMotp(app, session, '123456');
    assert.equal(asked[0]!.purpose, 'progress-eval');
  });

  const good = { coursePk: 'C-52', classPk: '947', classTime: '00' };
  const refused: Array<[string, unknown, string]> = [
    ['not an object', 'C-52', 'course'],
    ['an array', ['C-52', '947', '01'], 'course'],
    ['null', null, 'course'],
    ['an unknown field', { ...good, chapter: '3' }, 'course'],
    ['no course key', { classPk: '947', classTime: '01' }, 'course.coursePk'],
    ['an empty course key', { ...good, coursePk: '' }, 'course.coursePk'],
    ['a course key with a space', { ...good, coursePk: 'C 52' }, 'course.coursePk'],
    ['a course key with a control character', { ...good, coursePk: 'C\n52' }, 'course.coursePk'],
    ['a course key of 101 characters', { ...good, coursePk: 'x'.repeat(101) }, 'course.coursePk'],
    ['a numeric class key', { ...good, classPk: 947 }, 'course.classPk'],
    ['a one-digit lesson', { ...good, classTime: '7' }, 'course.classTime'],
    ['a three-digit lesson', { ...good, classTime: '007' }, 'course.classTime'],
    ['a numeric lesson', { ...good, classTime: 7 }, 'course.classTime'],
    ['full-width digits', { ...good, classTime: '０７' }, 'course.classTime'],
  ];
  for (const [name, course, field] of refused) {
    test(`refused: ${name} → ${field}`, async () => {
      const { app } = recordingApp();
      await assert.rejects(
        app.createSession({ ...learner, course: course as SessionInput['course'] }),
        (error: unknown) => error instanceof TypeError && (error as { field?: string }).field === field,
      );
    });
  }
});
