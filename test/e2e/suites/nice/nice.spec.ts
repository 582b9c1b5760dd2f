/**
 * The NICE standard window (`IDV_PHONE=nice-fake`): the gate opens our launch page in a popup,
 * which posts the sealed request to NICE's (fake) window; the learner answers there; NICE posts
 * the sealed result back to our return page, which hands the gate a one-time reference. Then
 * everything that must go wrong safely: deny, a closed window, a blocked popup, forged and
 * replayed results, another learner, another origin, another person.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  agreeAndChooseMotp,
  agreeAndChoosePhone,
  cspViolations,
  gateEvents,
  lockMotp,
  openCoursePage,
  openPhone,
  readMotpCode,
  retryScreenLoad,
  submitMotp,
  uniqueLearner,
} from '../../helpers.js';

const HEADING = '본인확인 창에서 인증해 주세요';

/** CSP reports of every page in the context (the popup's pages too), from the console. */
function watchCsp(context: BrowserContext): string[] {
  const reports: string[] = [];
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) reports.push(`${message.page()?.url()}: ${message.text()}`);
  });
  return reports;
}

/** Consent, 휴대폰인증하기, and the window screen with its check started; the transaction id. */
async function toWindowScreen(page: Page): Promise<string> {
  const started = page.waitForResponse((r) => r.url().endsWith('/v1/phone/window/start'));
  await agreeAndChoosePhone(page);
  await expect(page.getByRole('heading', { name: HEADING })).toBeVisible();
  const tx = ((await (await started).json()) as { tx: string }).tx;
  await expect(page.getByRole('button', { name: '본인확인 창 열기' })).toBeEnabled();
  return tx;
}

/** Clicks `button` on the gate and waits for the popup to show NICE's window. */
async function openPopup(page: Page, button: string): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: button }).click();
  const opened = await popup;
  await expect(opened.getByRole('heading', { name: 'NICE 본인확인 (fake)' })).toBeVisible();
  return opened;
}

/** The learner in NICE's window: a carrier, their details (another name for a mismatch), and 인증 or 취소. */
async function answerInWindow(window: Page, answer: '인증' | '취소', name = '홍길동') {
  await window.getByRole('radio', { name: 'KT', exact: true }).check();
  await window.getByRole('textbox', { name: '이름' }).fill(name);
  await window.getByRole('button', { name: answer, exact: true }).click();
}

const successes = async (page: Page) => (await gateEvents(page)).filter((e) => e.type === 'id-verify-success');

test('approve in NICE’s window → token; the popup has NICE’s size; no CSP violation on our pages', async ({ context }) => {
  const csp = watchCsp(context);
  const page = await openCoursePage(context, uniqueLearner('nice-ok'));
  await toWindowScreen(page);
  const window = await openPopup(page, '본인확인 창 열기');
  expect(await window.evaluate(() => [innerWidth, innerHeight])).toEqual([500, expect.any(Number)]);
  await answerInWindow(window, '인증');
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  await expect.poll(() => window.isClosed(), { message: 'the result page closes the window' }).toBe(true);
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'window', purpose: 'course-start' })]);
  await expect(page.locator('#lms-claims')).toContainText('"method": "window"');
  expect(await cspViolations(page)).toEqual([]);
  expect(csp).toEqual([]);
});

test('cancel in NICE’s window → a clear failure, no token, and a way to start again', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-deny'));
  await toWindowScreen(page);
  await answerInWindow(await openPopup(page, '본인확인 창 열기'), '취소');
  await expect(page.getByRole('alert').filter({ hasText: '본인확인이 취소되었습니다' })).toBeVisible();
  await expect(page.getByRole('button', { name: '처음부터 다시' })).toBeVisible();
  expect(await successes(page)).toEqual([]);
});

test('the learner closes the window → said within 2 s; opening it again works', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-close'));
  await toWindowScreen(page);
  const first = await openPopup(page, '본인확인 창 열기');
  await expect(page.getByRole('status').filter({ hasText: '본인확인 창에서 인증을 진행하고 있습니다' })).toBeVisible();
  await first.close();
  await expect(page.getByRole('alert').filter({ hasText: '본인확인 창이 닫혔습니다' })).toBeVisible({ timeout: 2_000 });
  await answerInWindow(await openPopup(page, '다시 열기'), '인증');
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toHaveLength(1);
});

test('이전 while the window is open → the window closes with the screen', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-back'));
  await toWindowScreen(page);
  const window = await openPopup(page, '본인확인 창 열기');
  await page.getByRole('button', { name: '이전' }).click();
  await expect(page.getByRole('button', { name: '휴대폰인증하기' })).toBeVisible();
  await expect.poll(() => window.isClosed()).toBe(true);
});

test('window.open blocked → a clear message, 다시 열기, and the same-window fallback completes', async ({ context }) => {
  const csp = watchCsp(context);
  const page = await openCoursePage(context, uniqueLearner('nice-blocked'));
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await page.reload();
  await toWindowScreen(page);
  await page.getByRole('button', { name: '본인확인 창 열기' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '팝업' })).toBeVisible();
  await expect(page.getByRole('button', { name: '다시 열기' })).toBeVisible();
  await page.getByRole('button', { name: '이 창에서 계속' }).click();
  await expect(page.getByRole('heading', { name: 'NICE 본인확인 (fake)' })).toBeVisible();
  await answerInWindow(page, '인증');
  // Back on the course page (a new page load), which picks the result up.
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'window' })]);
  await expect(page.locator('#lms-claims')).toContainText('"method": "window"');
  expect(await cspViolations(page)).toEqual([]);
  expect(csp).toEqual([]);
});

test('someone else verified in the window → MISMATCH, no token', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-mismatch'));
  await toWindowScreen(page);
  await answerInWindow(await openPopup(page, '본인확인 창 열기'), '인증', '김철수');
  await expect(page.getByRole('alert').filter({ hasText: '회원정보(이름, 생년월일)와 일치하지 않습니다' })).toBeVisible();
  expect(await successes(page)).toEqual([]);
});

test('forged and replayed results, another check’s and another learner’s: all refused', async ({ context, browser }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-forge'));
  const tx = await toWindowScreen(page);
  // Hold NICE's genuine result back from our return page, to play with it.
  let genuine: Record<string, string> | undefined;
  await context.route('**/v1/phone/window/*/return', async (route) => {
    genuine = Object.fromEntries(new URLSearchParams(route.request().postData() ?? ''));
    await route.abort();
  });
  const window = await openPopup(page, '본인확인 창 열기');
  await answerInWindow(window, '인증');
  await expect.poll(() => genuine).toBeDefined();
  await context.unroute('**/v1/phone/window/*/return');
  const returnUrl = `/api/v1/phone/window/${tx}/return`;

  const forged = await page.request.post(returnUrl, { form: { ...genuine!, integrity_value: Buffer.alloc(32).toString('base64') } });
  expect(forged.status()).toBe(400);
  expect(await forged.text()).not.toContain('data-idv-message');

  // Another check of the same learner: the genuine result is not its result.
  const other = await openCoursePage(context, uniqueLearner('nice-other'));
  const otherTx = await toWindowScreen(other);
  await (await openPopup(other, '본인확인 창 열기')).close();
  expect((await page.request.post(`/api/v1/phone/window/${otherTx}/return`, { form: genuine! })).status()).toBe(400);

  const first = await page.request.post(returnUrl, { form: genuine! });
  expect(first.status()).toBe(200);
  const message = JSON.parse((/data-idv-message="([^"]*)"/.exec(await first.text())?.[1] ?? '').replace(/&quot;/g, '"')) as { ref: string };
  const replayed = await page.request.post(returnUrl, { form: genuine! });
  expect(replayed.status()).toBe(409);

  // Another learner's session cannot use the reference.
  const stranger = await browser.newContext();
  const strangerPage = await openCoursePage(stranger, uniqueLearner('nice-stranger'));
  const strangerSession = await strangerPage.locator('id-verify-gate').getAttribute('session');
  const stolen = await page.request.post(`/api/v1/phone/window/${tx}/complete`, {
    headers: { Authorization: `Bearer ${strangerSession}` },
    data: { ref: message.ref },
  });
  expect(stolen.status()).toBe(404);
  await stranger.close();
  expect(await successes(page)).toEqual([]);
});

test('a message from another origin is ignored: the gate never completes with it', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-origin'));
  const tx = await toWindowScreen(page);
  const completes: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/complete')) completes.push(request.url());
  });
  // Same server, another origin (localhost, not 127.0.0.1): a page that is not our result page.
  const elsewhere = new URL(page.url());
  elsewhere.hostname = 'localhost';
  const evil = page.waitForEvent('popup');
  await page.evaluate((url) => void window.open(url, 'evil'), `${elsewhere.origin}/dev/fakes`);
  const evilPage = await evil;
  await evilPage.waitForLoadState();
  await evilPage.evaluate((id) => window.opener.postMessage({ type: 'id-verify-window', tx: id, ref: 'A'.repeat(22) }, '*'), tx);
  await evilPage.evaluate((id) => window.opener.postMessage({ type: 'id-verify-window', tx: id, outcome: 'unavailable' }, '*'), tx);
  await page.waitForTimeout(500);
  expect(completes).toEqual([]);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '본인확인 창 열기' })).toBeEnabled();
});

test('mOTP locked → 잠금 해제 through NICE’s window (its first showing) → back on mOTP, unlocked → the code is accepted', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-unlock'));
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);
  await lockMotp(page, phone);
  const started = page.waitForRequest((r) => r.url().endsWith('/v1/phone/window/start'));
  await page.getByRole('button', { name: '휴대폰 인증으로 잠금 해제' }).click();
  await expect(page.getByRole('heading', { name: HEADING })).toBeVisible();
  // The window screen's code arrives with this click: the check it starts is still an unlock.
  expect((await started).postDataJSON()).toMatchObject({ purpose: 'motp-unlock' });
  await answerInWindow(await openPopup(page, '본인확인 창 열기'), '인증');
  await expect(page.getByRole('status').filter({ hasText: '잠금이 해제' })).toBeVisible();
  expect(await successes(page), 'an unlock is no verification').toEqual([]);
  await submitMotp(page, await readMotpCode(phone));
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect(await successes(page)).toEqual([expect.objectContaining({ method: 'motp', purpose: 'course-start' })]);
});

test('the window screen’s own code fails to load: a clear message with 다시 시도; with the network back the learner gets through', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('nice-chunk'));
  // The window step is a chunk of its own (beside the phone chunk): cut only that one.
  let offline = true;
  await page.route(/\/(assets|dist)\/[\w-]*define-[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const windowChunk = body.includes('idv-phone-window-step') && !body.includes('idv-phone-intro-step');
    if (windowChunk && offline) return route.abort('internetdisconnected');
    return route.fulfill({ response, body });
  });
  await agreeAndChoosePhone(page);
  await expect(page.getByRole('alert').filter({ hasText: '다음 화면을 불러오지 못했습니다' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'MOTP인증하기' })).toBeEnabled();

  offline = false;
  await retryScreenLoad(page, page.getByRole('heading', { name: HEADING }), () => agreeAndChoosePhone(page));
  await expect(page.getByRole('button', { name: '본인확인 창 열기' })).toBeEnabled();
});
