/**
 * What the LMS already knows is not typed again: the session's name and phone (masked) fill
 * the forms, so the learner types only the birth date and digit, the 보안문자 and the code.
 * On mobile, consent leads to the mOTP entry with its 휴대폰 인증 switch in one step.
 */
import { expect, test, type BrowserContext } from '@playwright/test';
import {
  agreeAndChooseMotp,
  chooseCarrierAndMethod,
  cspViolations,
  gateEvents,
  learnerPhone,
  openCoursePage,
  openPhone,
  readCaptcha,
  readMotpCode,
  uniqueLearner,
} from './helpers.js';

const masked = (phone: string) => `${phone.slice(0, 3)}-****-${phone.slice(-4)}`;

/** Collects the config answers the context's pages receive (attach before the page opens). */
function watchConfig(context: BrowserContext): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  context.on('response', (response) => {
    if (response.url().includes('/api/v1/config')) bodies.push(response.text());
  });
  return bodies;
}

test('SMS with name and phone known to the LMS: the learner types only birth date + digit, 보안문자 and code', async ({ context }) => {
  const configs = watchConfig(context);
  const page = await openCoursePage(context, uniqueLearner('prefill-sms'));
  const phone = await openPhone(context, page);
  const number = await learnerPhone(page);
  await page.getByRole('checkbox', { name: '동의합니다' }).check();
  await page.getByRole('button', { name: '휴대폰인증하기' }).click();
  await chooseCarrierAndMethod(page, 'SKT', '문자(SMS) 인증');

  await expect(page.getByRole('textbox', { name: '이름' })).toHaveValue('홍길동');
  await expect(page.getByRole('textbox', { name: '휴대폰번호' })).toHaveValue(masked(number));
  await page.getByRole('textbox', { name: '생년월일 6자리' }).fill('900101');
  await page.getByRole('textbox', { name: '주민등록번호 뒷자리 첫 숫자' }).fill('1');
  await page.getByRole('textbox', { name: '보안문자 입력' }).fill(await readCaptcha(page));
  await page.getByRole('button', { name: '확인' }).click();

  await expect(page.getByRole('heading', { name: '보내드린 인증번호 6자리를 입력해 주세요' })).toBeVisible();
  await expect(phone.getByTestId('sms-message')).toHaveCount(1);
  await page.getByRole('textbox', { name: '인증번호' }).fill((await phone.getByTestId('sms-code').first().textContent())!.trim());
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect((await gateEvents(page)).filter((e) => e.type === 'id-verify-success')).toEqual([expect.objectContaining({ method: 'sms' })]);

  // The page got the number masked only.
  expect(configs.length).toBeGreaterThan(0);
  for (const body of await Promise.all(configs)) {
    expect(body).toContain(masked(number));
    expect(body).not.toContain(number);
    expect(body).not.toContain(number.replaceAll('-', ''));
  }
  expect(await cspViolations(page)).toEqual([]);
});

test('mOTP with the phone known to the LMS: the learner types only the code', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('prefill-motp'));
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);
  await expect(page.getByRole('textbox', { name: '회원 전화번호' })).toHaveValue(masked(await learnerPhone(page)));
  await page.getByRole('textbox', { name: 'OTP 번호' }).fill(await readMotpCode(phone));
  await page.getByRole('button', { name: '인증하기' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect((await gateEvents(page)).filter((e) => e.type === 'id-verify-success')).toEqual([expect.objectContaining({ method: 'motp' })]);
});

test('mobile: 동의합니다 leads to the mOTP entry with 휴대폰 인증 in one step, or straight to name and phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await openCoursePage(context, uniqueLearner('prefill-mobile'));
  await page.getByRole('checkbox', { name: '동의합니다' }).check();
  await page.getByRole('button', { name: 'MOTP인증하기' }).click();
  await expect(page.getByRole('heading', { name: 'mOTP 인증' })).toBeVisible();
  await expect(page.getByRole('button', { name: '휴대폰 인증', exact: true })).toBeVisible();

  // Back on consent, the phone check is one press away (사진 2), name and phone filled in.
  await page.getByRole('button', { name: '이전' }).click();
  await page.getByRole('button', { name: '휴대폰 인증', exact: true }).click();
  await expect(page.getByRole('heading', { name: '휴대폰 인증' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '이름' })).toHaveValue('홍길동');
  await expect(page.getByRole('textbox', { name: '휴대폰번호' })).toHaveValue(masked(await learnerPhone(page)));
  await page.getByRole('button', { name: '인증하기' }).click();
  await expect(page.getByRole('heading', { name: '이용중인 통신사를 선택해 주세요' })).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  await context.close();
});
