/** Shared steps of the end-to-end tests: the learner's page, the phone, and what they see. */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** A learner id no other test uses, so mOTP locks stay within one test. */
export const uniqueLearner = (label: string) => `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A new page that records every Content-Security-Policy violation it sees. */
async function newWatchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/**
 * Opens the LMS course page for `learner` (`/`, or `/script-tag` for the script-tag build),
 * recording CSP violations and the gate's events.
 */
export async function openCoursePage(context: BrowserContext, learner: string, path = '/', query = ''): Promise<Page> {
  const page = await newWatchedPage(context);
  await page.addInitScript(() => {
    const w = window as unknown as { gateEvents: Record<string, unknown>[] };
    w.gateEvents = [];
    for (const type of ['id-verify-success', 'id-verify-failure', 'id-verify-cancel']) {
      document.addEventListener(type, (e) => {
        const { token, method, purpose, code } = e as Event & Record<string, unknown>;
        w.gateEvents.push({ type, token, method, purpose, code });
      });
    }
  });
  await page.goto(`${path}?learner=${encodeURIComponent(learner)}${query}`);
  return page;
}

/** The learner's phone number, as the LMS page shows it. */
export const learnerPhone = async (page: Page) =>
  new URL((await page.locator('#phone-link').getAttribute('href'))!, 'http://x').searchParams.get('phone')!;

/** Opens the simulator of the learner's phone (linked from `page`) and waits for its mOTP code. */
export async function openPhone(context: BrowserContext, page: Page): Promise<Page> {
  const phone = await newWatchedPage(context);
  await phone.goto((await page.locator('#phone-link').getAttribute('href'))!);
  await expect(phone.getByTestId('motp-code')).toHaveText(/^\s*\d{6}\s*$/);
  return phone;
}

/** The code the simulated mOTP app shows now. */
export async function readMotpCode(phone: Page): Promise<string> {
  return ((await phone.getByTestId('motp-code').textContent()) ?? '').trim();
}

/** A 6-digit code that is not `code` (each digit shifted by 5). */
export const wrongCodeFor = (code: string) => [...code].map((d) => String((Number(d) + 5) % 10)).join('');

/** Ticks "동의합니다" and picks mOTP. */
export async function agreeAndChooseMotp(page: Page) {
  await page.getByRole('checkbox', { name: '동의합니다' }).check();
  await page.getByRole('button', { name: 'MOTP인증하기' }).click();
  await expect(page.getByRole('heading', { name: 'mOTP 인증' })).toBeVisible();
}

/** Types a code and the member phone into the mOTP step and presses "인증하기". */
export async function submitMotp(page: Page, code: string, phone?: string) {
  phone ??= await learnerPhone(page);
  const codeBox = page.getByRole('textbox', { name: 'OTP 번호' });
  await codeBox.fill(code);
  const phoneBox = page.getByRole('textbox', { name: '회원 전화번호' });
  if ((await phoneBox.inputValue()) !== phone) await phoneBox.fill(phone);
  await page.getByRole('button', { name: '인증하기' }).click();
}

/** Events the gate dispatched so far. */
export const gateEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { gateEvents: Record<string, string>[] }).gateEvents);

/** CSP violations the page reported so far. */
export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Ticks "동의합니다" and picks "휴대폰인증하기". */
export async function agreeAndChoosePhone(page: Page) {
  await page.getByRole('checkbox', { name: '동의합니다' }).check();
  await page.getByRole('button', { name: '휴대폰인증하기' }).click();
}

/**
 * After a failed screen load, with the network back: "다시 시도", until `landed` shows. A browser
 * that remembers a module's failed download fails the retry at once; the gate then offers
 * "새로고침", which reloads the page, and `walkAgain` takes the learner back to the screen.
 * Says which way it went.
 */
export async function retryScreenLoad(page: Page, landed: Locator, walkAgain: () => Promise<void>): Promise<'retry' | 'reload'> {
  await page.getByRole('button', { name: '다시 시도' }).click();
  const reload = page.getByRole('button', { name: '새로고침' });
  await expect(landed.or(reload)).toBeVisible();
  if (await landed.isVisible()) return 'retry';
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await walkAgain();
  await expect(landed).toBeVisible();
  return 'reload';
}

/** Where the demo's in-process fake of `name` (`portone`, `nice`) listens. */
export async function fakeUrl(page: Page, name: string): Promise<string> {
  const response = await page.request.get('/dev/fakes');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as Record<string, string>)[name]!;
}

/** Carrier, method and "본인확인 이용 동의(필수)" on the phone path's first screen, then "다음". */
export async function chooseCarrierAndMethod(page: Page, carrier: string, method: 'PASS 인증' | 'QR코드 인증' | '문자(SMS) 인증') {
  await expect(page.getByRole('heading', { name: '이용중인 통신사를 선택해 주세요' })).toBeVisible();
  await page.getByRole('radio', { name: carrier, exact: true }).click();
  await page.getByRole('radio', { name: new RegExp(`^${method.replace(/[()]/g, '\\$&')}`) }).check();
  await page.getByRole('checkbox', { name: '본인확인 이용 동의(필수)' }).check();
  await page.getByRole('button', { name: '다음' }).click();
  await expect(page.getByRole('heading', { name: '입력한 정보를 확인해 주세요' })).toBeVisible();
}

/** The captcha's answer, as the learner reads it (the simulator's /v1/dev/captcha/{id}). */
export async function readCaptcha(page: Page): Promise<string> {
  const id = await page.waitForFunction(() => {
    const find = (root: Document | ShadowRoot): Element | null =>
      root.querySelector('idv-captcha-field') ??
      [...root.querySelectorAll('*')].reduce<Element | null>((hit, el) => hit ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
    return (find(document) as (Element & { challengeId?: string }) | null)?.challengeId || false;
  });
  const response = await page.request.post(`/api/v1/dev/captcha/${await id.jsonValue()}`, { data: {} });
  return ((await response.json()) as { answer: string }).answer;
}

/** Fills the identity step (SMS adds the birth date and digit) and the captcha, then submits. */
export async function fillIdentity(page: Page, { sms = false, name = '홍길동' } = {}) {
  await page.getByRole('textbox', { name: '이름' }).fill(name);
  if (sms) {
    await page.getByRole('textbox', { name: '생년월일 6자리' }).fill('900101');
    await page.getByRole('textbox', { name: '주민등록번호 뒷자리 첫 숫자' }).fill('1');
  }
  await page.getByRole('textbox', { name: '휴대폰번호' }).fill(await learnerPhone(page));
  await page.getByRole('textbox', { name: '보안문자 입력' }).fill(await readCaptcha(page));
  await page.getByRole('button', { name: sms ? '확인' : '다음' }).click();
}

/** Five wrong mOTP codes, waiting for each answer: attempts left 4…1, then the lock. */
export async function lockMotp(page: Page, phone: Page) {
  for (let left = 4; left >= 1; left--) {
    await submitMotp(page, wrongCodeFor(await readMotpCode(phone)));
    await expect(page.getByRole('alert').filter({ hasText: `남은 시도 ${left}회` })).toBeVisible();
  }
  await submitMotp(page, wrongCodeFor(await readMotpCode(phone)));
  await expect(page.getByRole('alert').filter({ hasText: '5회 연속 실패' })).toBeVisible();
}

/** From the lock screen: "휴대폰 인증으로 잠금 해제", a PASS check approved on the phone, back on mOTP with the lock lifted. */
export async function unlockByPhone(page: Page, phone: Page) {
  await page.getByRole('button', { name: '휴대폰 인증으로 잠금 해제' }).click();
  await chooseCarrierAndMethod(page, 'SKT', 'PASS 인증');
  await fillIdentity(page);
  await phone.getByTestId('pass-request').getByRole('button', { name: '승인' }).click();
  await expect(page.getByRole('status').filter({ hasText: '잠금이 해제' })).toBeVisible();
}
