/**
 * The gate on `npm start` with `IDV_MOTP=hrdk-fake`: codes go through HRD Korea's adapter to the
 * fake running in the demo, and the phone simulator's mOTP app shows the fake's codes.
 */
import { expect, test } from '@playwright/test';
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
  unlockByPhone,
  wrongCodeFor,
} from '../../helpers.js';

const successes = async (page: import('@playwright/test').Page) => (await gateEvents(page)).filter((e) => e.type === 'id-verify-success');

test('consent → mOTP with the fake\'s code → a token the LMS server verifies', async ({ context }) => {
  const learner = uniqueLearner('hrdk');
  const page = await openCoursePage(context, learner);
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);

  // A wrong code is HRD Korea's AP001; the attempts left are ours.
  await submitMotp(page, wrongCodeFor(await readMotpCode(phone)));
  await expect(page.getByRole('alert').filter({ hasText: '남은 시도 4회' })).toBeVisible();

  await submitMotp(page, await readMotpCode(phone));
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'motp', purpose: 'course-start' })]);
  // The LMS page's server verified the token (issuer, audience, nonce, single use).
  await expect(page.locator('body')).toHaveAttribute('data-verified', 'true');
  await expect(page.locator('#lms-claims')).toContainText(`"sub": "${learner}"`);
  expect(await cspViolations(page)).toEqual([]);
});

test('locked at HRD Korea too → phone check (user_reset reaches the fake) → the next code is accepted', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('hrdk-unlock'));
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);
  await lockMotp(page, phone);
  await unlockByPhone(page, phone);
  // Without user_reset the fake would still answer AP009, and the gate would show the lock again.
  await submitMotp(page, await readMotpCode(phone));
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'motp', purpose: 'course-start' })]);
});
