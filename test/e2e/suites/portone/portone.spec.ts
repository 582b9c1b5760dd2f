/**
 * The phone check through PortOne (`IDV_PHONE=portone-fake`): the gate's own screens, the real
 * adapter and `@portone/server-sdk`, and PortOne's fake in the demo's process. What PortOne
 * received is read back from the fake and checked field by field.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  agreeAndChoosePhone,
  chooseCarrierAndMethod,
  cspViolations,
  fakeUrl,
  fillIdentity,
  gateEvents,
  learnerPhone,
  openCoursePage,
  uniqueLearner,
} from '../../helpers.js';

/** Requests PortOne received, its test controls left out. */
async function received(page: Page): Promise<Array<{ method: string; url: string; headers: Record<string, string>; body: string }>> {
  const response = await page.request.get(`${await fakeUrl(page, 'portone')}/__fake/received`);
  return ((await response.json()) as { received: [] }).received;
}

/** The verification PortOne was asked to send to `phone` (digits), last first. */
async function sendsTo(page: Page, phone: string) {
  return (await received(page))
    .filter((r) => r.url.endsWith('/send') && JSON.parse(r.body).customer.phoneNumber === phone)
    .map((r) => ({ id: decodeURIComponent(r.url.split('/')[2]!), headers: r.headers, body: JSON.parse(r.body) }))
    .reverse();
}

/** The SMS texts on `phone` (digits) at PortOne's fake. */
async function messages(page: Page, phone: string): Promise<string[]> {
  const response = await page.request.get(`${await fakeUrl(page, 'portone')}/__fake/messages?phone=${phone}`);
  return ((await response.json()) as { messages: string[] }).messages;
}
const codeIn = (text: string | undefined) => /\[(\d{6})\]/.exec(text ?? '')?.[1];

test('the gate offers what PortOne can do: PASS and SMS, no QR', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('po-methods'));
  await agreeAndChoosePhone(page);
  await expect(page.getByRole('heading', { name: '이용중인 통신사를 선택해 주세요' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^PASS 인증/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^문자\(SMS\) 인증/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^QR코드 인증/ })).toHaveCount(0);
});

test('SMS through PortOne: 시간연장, resend, the newest code → token; PortOne received the documented fields', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('po-sms'));
  const phone = (await learnerPhone(page)).replace(/\D/g, '');
  await agreeAndChoosePhone(page);
  await chooseCarrierAndMethod(page, 'KT 알뜰폰', '문자(SMS) 인증');
  await fillIdentity(page, { sms: true });
  await expect(page.getByRole('heading', { name: '보내드린 인증번호 6자리를 입력해 주세요' })).toBeVisible();

  const [send] = await sendsTo(page, phone);
  expect(send!.headers.authorization).toBe('PortOne demo-portone-secret');
  expect(send!.body).toEqual({
    storeId: 'store-demo',
    channelKey: 'channel-key-demo',
    customer: { name: '홍길동', phoneNumber: phone, identityNumber: '9001011', ipAddress: '127.0.0.1' },
    operator: 'KT_MVNO',
    method: 'SMS',
  });
  const first = codeIn((await messages(page, phone)).at(-1));
  expect(first).toMatch(/^\d{6}$/);

  await page.getByRole('button', { name: '시간연장' }).click();
  await expect(page.getByRole('status').filter({ hasText: '연장' })).toBeVisible();
  // The one real wait of this suite: resend opens 30 s after a send.
  await expect(page.getByRole('button', { name: '인증번호 재전송' })).toBeEnabled({ timeout: 40_000 });
  await page.getByRole('button', { name: '인증번호 재전송' }).click();
  await expect(page.getByRole('status').filter({ hasText: '새 인증번호를 보냈습니다' })).toBeVisible();
  await expect.poll(async () => (await messages(page, phone)).length).toBe(2);
  const newest = codeIn((await messages(page, phone)).at(-1))!;

  await page.getByRole('textbox', { name: '인증번호' }).fill(newest);
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect((await gateEvents(page)).filter((e) => e.type === 'id-verify-success')).toEqual([expect.objectContaining({ method: 'sms' })]);
  await expect(page.locator('#lms-claims')).toContainText('"method": "sms"');

  const calls = (await received(page)).filter((r) => r.url.includes(`/identity-verifications/${send!.id}`));
  expect(calls.map((r) => `${r.method} ${r.url.replace(send!.id, '{id}')}`)).toEqual([
    'POST /identity-verifications/{id}/send',
    'POST /identity-verifications/{id}/resend?storeId=store-demo',
    'POST /identity-verifications/{id}/confirm',
  ]);
  expect(JSON.parse(calls.at(-1)!.body)).toEqual({ storeId: 'store-demo', otp: newest });
  expect(newest).not.toEqual(first);
  expect(await cspViolations(page)).toEqual([]);
});

test('PASS app through PortOne: approved in the app → token; PortOne received an APP send', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('po-app'));
  const phone = (await learnerPhone(page)).replace(/\D/g, '');
  await agreeAndChoosePhone(page);
  await chooseCarrierAndMethod(page, 'LG U+', 'PASS 인증');
  await fillIdentity(page);
  await expect(page.getByRole('heading', { name: 'PASS 앱 알림 확인하고 인증을 진행해주세요' })).toBeVisible();

  const [send] = await sendsTo(page, phone);
  expect(send!.body).toEqual({
    storeId: 'store-demo',
    channelKey: 'channel-key-demo',
    customer: { name: '홍길동', phoneNumber: phone, ipAddress: '127.0.0.1' },
    operator: 'LGU',
    method: 'APP',
  });
  const approved = await page.request.post(`${await fakeUrl(page, 'portone')}/__fake/app/${encodeURIComponent(send!.id)}/approve`);
  expect(approved.ok()).toBe(true);
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect((await gateEvents(page)).filter((e) => e.type === 'id-verify-success')).toEqual([expect.objectContaining({ method: 'app' })]);
  const confirms = (await received(page)).filter((r) => r.url === `/identity-verifications/${encodeURIComponent(send!.id)}/confirm`);
  expect(confirms.length).toBeGreaterThan(0);
  expect(JSON.parse(confirms.at(-1)!.body)).toEqual({ storeId: 'store-demo' });
  expect(await cspViolations(page)).toEqual([]);
});
