/** The mOTP path on the demo, as a learner does it, with the phone simulator in a second page. */
import { expect, test } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import {
  agreeAndChooseMotp,
  cspViolations,
  gateEvents,
  lockMotp,
  openCoursePage,
  openPhone,
  readMotpCode,
  submitMotp,
  uniqueLearner,
} from './helpers.js';

test('consent → mOTP with the code from the simulator → a token the LMS server verifies', async ({ context, baseURL }) => {
  const learner = uniqueLearner('ok');
  const page = await openCoursePage(context, learner);
  const phone = await openPhone(context, page);

  // Nothing proceeds without "동의합니다".
  await page.getByRole('button', { name: 'MOTP인증하기' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '동의합니다' })).toBeVisible();

  await agreeAndChooseMotp(page);
  await submitMotp(page, await readMotpCode(phone));

  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  const [success] = (await gateEvents(page)).filter((e) => e.type === 'id-verify-success');
  expect(success).toMatchObject({ method: 'motp', purpose: 'course-start' });

  // The token verifies against the server's published keys, for this learner.
  const jwks = createRemoteJWKSet(new URL('/api/.well-known/jwks.json', baseURL));
  const { payload } = await jwtVerify(success!.token!, jwks, { issuer: `${baseURL}/api`, audience: 'demo-lms' });
  expect(payload).toMatchObject({ sub: learner, method: 'motp', purpose: 'course-start', amr: ['otp'] });
  expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(120);

  // The LMS page's server accepted it (nonce + single use) and shows the claims it trusts.
  await expect(page.locator('body')).toHaveAttribute('data-verified', 'true');
  await expect(page.locator('#lms-claims')).toContainText(`"sub": "${learner}"`);
  expect(await cspViolations(page)).toEqual([]);
  expect(await cspViolations(phone)).toEqual([]);
});

test('5 wrong codes lock mOTP, and the lock survives a new session of the same learner', async ({ context }) => {
  const learner = uniqueLearner('lock');
  const page = await openCoursePage(context, learner);
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);

  await lockMotp(page, phone);
  await expect(page.getByRole('textbox', { name: 'OTP 번호' })).toHaveCount(0);
  // Not a dead end: a phone check lifts the lock (see phone.spec.ts).
  await expect(page.getByRole('button', { name: '휴대폰 인증으로 잠금 해제' })).toBeVisible();

  // A new page load is a new session for the same learner: still locked, right code or not.
  const again = await openCoursePage(context, learner);
  await again.getByRole('checkbox', { name: '동의합니다' }).check();
  await again.getByRole('button', { name: 'MOTP인증하기' }).click();
  await expect(again.getByRole('alert').filter({ hasText: '5회 연속 실패' })).toBeVisible();
  expect((await gateEvents(again)).filter((e) => e.type === 'id-verify-success')).toEqual([]);
});
