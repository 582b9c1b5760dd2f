/** Shared steps of the end-to-end tests: the learner's page, the phone, and what they see. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

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

/** Opens the LMS course page for `learner`, recording CSP violations and the gate's events. */
export async function openCoursePage(context: BrowserContext, learner: string): Promise<Page> {
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
  await page.goto(`/?learner=${encodeURIComponent(learner)}`);
  return page;
}

/** Opens the phone simulator and waits until its mOTP app shows a code. */
export async function openPhone(context: BrowserContext): Promise<Page> {
  const phone = await newWatchedPage(context);
  await phone.goto('/phone');
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
export async function submitMotp(page: Page, code: string, phone = '010-1234-5678') {
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
