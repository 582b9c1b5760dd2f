/**
 * The phone path on the demo (seed manual §2–3), each with the phone simulator in a second
 * page, plus the mOTP lock lifted by a phone check. Screens are attached to the run output.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import {
  agreeAndChooseMotp,
  agreeAndChoosePhone,
  chooseCarrierAndMethod,
  cspViolations,
  fillIdentity,
  gateEvents,
  learnerPhone,
  lockMotp,
  openCoursePage,
  openPhone,
  readMotpCode,
  submitMotp,
  uniqueLearner,
  unlockByPhone,
  wrongCodeFor,
} from './helpers.js';

/** Attaches a screenshot of `page` to the test's output (and writes it under test-results/). */
async function snap(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
  console.log(`screenshot ${name}: ${path}`);
}

const successes = async (page: Page) => (await gateEvents(page)).filter((e) => e.type === 'id-verify-success');

test('PASS app: approve on the phone → success, with every screen in the manual’s order', async ({ context }, info) => {
  const page = await openCoursePage(context, uniqueLearner('pass'));
  const phone = await openPhone(context, page);
  await snap(page, info, 'desktop-1-consent');
  await agreeAndChoosePhone(page);
  await snap(page, info, 'desktop-2-carrier-method');
  await chooseCarrierAndMethod(page, 'SKT', 'PASS 인증');
  await snap(page, info, 'desktop-3-identity-captcha');
  await fillIdentity(page);
  await expect(page.getByRole('heading', { name: 'PASS 앱 알림 확인하고 인증을 진행해주세요' })).toBeVisible();
  await snap(page, info, 'desktop-4-pass-wait');
  const request = phone.getByTestId('pass-request');
  await expect(request).toHaveCount(1);
  await snap(phone, info, 'phone-pass-request');
  await request.getByRole('button', { name: '승인' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  await snap(page, info, 'desktop-5-done');
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'app', purpose: 'course-start' })]);
  await expect(page.locator('#lms-claims')).toContainText('"method": "app"');
  expect(await cspViolations(page)).toEqual([]);
});

test('PASS app: deny on the phone → a clear failure, no token, and a way to start again', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('deny'));
  const phone = await openPhone(context, page);
  await agreeAndChoosePhone(page);
  await chooseCarrierAndMethod(page, 'KT', 'PASS 인증');
  await fillIdentity(page);
  await phone.getByTestId('pass-request').getByRole('button', { name: '거절' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '인증을 거절했습니다' })).toBeVisible();
  await expect(page.getByRole('button', { name: '처음부터 다시' })).toBeVisible();
  expect(await successes(page)).toEqual([]);
});

test('QR: the number typed into the PASS app → success', async ({ context }, info) => {
  const page = await openCoursePage(context, uniqueLearner('qr'));
  const phone = await openPhone(context, page);
  await agreeAndChoosePhone(page);
  await chooseCarrierAndMethod(page, 'LG U+', 'QR코드 인증');
  await fillIdentity(page);
  await expect(page.getByRole('img', { name: 'PASS 앱으로 스캔할 QR코드' })).toBeVisible();
  await snap(page, info, 'desktop-4-qr');
  const number = (await page.getByTestId('qr-number').textContent())!.trim();
  await phone.getByLabel('PC에 표시된 인증번호').fill(number);
  await phone.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'qr' })]);
  expect(await cspViolations(page)).toEqual([]);
});

test('SMS: one extension and one resend, then the newest code → success', async ({ context }, info) => {
  const page = await openCoursePage(context, uniqueLearner('sms'));
  const phone = await openPhone(context, page);
  await agreeAndChoosePhone(page);
  await chooseCarrierAndMethod(page, 'SKT 알뜰폰', '문자(SMS) 인증');
  await fillIdentity(page, { sms: true });
  await expect(page.getByRole('heading', { name: '보내드린 인증번호 6자리를 입력해 주세요' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^[23]:\d\d$/);
  await snap(page, info, 'desktop-4-sms');
  await expect(phone.getByTestId('sms-message')).toHaveCount(1);
  await snap(phone, info, 'phone-sms-inbox');
  const first = (await phone.getByTestId('sms-code').first().textContent())!.trim();

  await page.getByRole('button', { name: '시간연장' }).click();
  await expect(page.getByRole('status').filter({ hasText: '연장' })).toBeVisible();

  // Resend is refused for 30 s after a send; the button says so and counts down.
  await expect(page.getByRole('button', { name: /재전송 \(\d+초 후 가능\)/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: '인증번호 재전송' })).toBeEnabled({ timeout: 40_000 });
  await page.getByRole('button', { name: '인증번호 재전송' }).click();
  await expect(page.getByRole('status').filter({ hasText: '새 인증번호를 보냈습니다' })).toBeVisible();
  await expect(phone.getByTestId('sms-message')).toHaveCount(2);
  const newest = (await phone.getByTestId('sms-code').first().textContent())!.trim();
  expect(newest).not.toEqual(first);

  await page.getByRole('textbox', { name: '인증번호' }).fill(newest);
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'sms' })]);
  expect(await cspViolations(page)).toEqual([]);
  expect(await cspViolations(phone)).toEqual([]);
});

test('SMS: 5 wrong codes kill the code; the field closes and only a new request helps', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('sms-dead'));
  const phone = await openPhone(context, page);
  await agreeAndChoosePhone(page);
  await chooseCarrierAndMethod(page, 'KT', '문자(SMS) 인증');
  await fillIdentity(page, { sms: true });
  const code = (await phone.getByTestId('sms-code').first().textContent())!.trim();
  const box = page.getByRole('textbox', { name: '인증번호' });
  for (let left = 4; left >= 1; left--) {
    await box.fill(wrongCodeFor(code));
    await page.getByRole('button', { name: '확인' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `남은 시도 ${left}회` })).toBeVisible();
  }
  await box.fill(wrongCodeFor(code));
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '5회 잘못 입력하여 더 이상 사용할 수 없습니다' })).toBeVisible();
  await expect(page.getByRole('button', { name: '처음부터 다시' })).toBeVisible();
  await expect(box).toBeDisabled();
  expect(await successes(page)).toEqual([]);
});

test('mOTP: 5 wrong → locked → phone check unlocks → mOTP succeeds', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('unlock'));
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);
  await lockMotp(page, phone);
  await unlockByPhone(page, phone);
  expect(await successes(page)).toEqual([]);
  await submitMotp(page, await readMotpCode(phone));
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'motp', purpose: 'course-start' })]);
});

test('mobile (375 px): mOTP first with a switch to the phone, then name + phone, no QR', async ({ browser }, info) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await openCoursePage(context, uniqueLearner('mobile'));
  const phone = await openPhone(context, page);
  await page.getByRole('checkbox', { name: '동의합니다' }).check();
  await expect(page.getByRole('button', { name: '휴대폰인증하기' })).toHaveCount(0);
  await page.getByRole('button', { name: 'MOTP인증하기' }).click();
  await snap(page, info, 'mobile-1-motp');
  await page.getByRole('button', { name: '휴대폰 인증', exact: true }).click();
  await expect(page.getByRole('heading', { name: '휴대폰 인증' })).toBeVisible();
  await snap(page, info, 'mobile-2-phone-intro');
  await page.getByRole('textbox', { name: '이름' }).fill('홍길동');
  await page.getByRole('textbox', { name: '휴대폰번호' }).fill(await learnerPhone(page));
  await page.getByRole('button', { name: '인증하기' }).click();
  await expect(page.getByRole('radio', { name: /^QR코드 인증/ })).toHaveCount(0);
  await snap(page, info, 'mobile-3-carrier-method');
  await chooseCarrierAndMethod(page, 'KT', 'PASS 인증');
  await expect(page.getByRole('textbox', { name: '이름' })).toHaveValue('홍길동');
  await snap(page, info, 'mobile-4-identity');
  await fillIdentity(page);
  await snap(page, info, 'mobile-5-pass-wait');
  await phone.getByTestId('pass-request').getByRole('button', { name: '승인' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  await snap(page, info, 'mobile-6-done');
  expect(await cspViolations(page)).toEqual([]);
  await context.close();
});
