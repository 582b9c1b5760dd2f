/**
 * The phone screens are a chunk fetched on the first click into the phone path. When that
 * fetch fails the learner reads why and retries, and is offered a reload when the retry fails
 * too; when it is slow, a newer click wins.
 * The script-tag page is used: its chunks are plain files beside `dist/id-verify.js`.
 */
import { expect, test } from '@playwright/test';
import { agreeAndChoosePhone, openCoursePage, retryScreenLoad, uniqueLearner } from './helpers.js';

const PHONE_CHUNK = '**/dist/id-verify-define-*.js';

test('the phone screens fail to load: a clear message with 다시 시도; with the network back the learner gets through', async ({ context }, testInfo) => {
  const page = await openCoursePage(context, uniqueLearner('chunk-fail'), '/script-tag');
  await page.route(PHONE_CHUNK, (route) => route.abort('internetdisconnected'));
  await agreeAndChoosePhone(page);
  await expect(page.getByRole('alert').filter({ hasText: '다음 화면을 불러오지 못했습니다' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('계속 안 되면 페이지를 새로고침해 주세요');
  // Not a dead button: the screen the learner was on stays usable, and the retry is offered.
  await expect(page.getByRole('button', { name: 'MOTP인증하기' })).toBeEnabled();

  await page.unroute(PHONE_CHUNK);
  const carrier = page.getByRole('heading', { name: '이용중인 통신사를 선택해 주세요' });
  const way = await retryScreenLoad(page, carrier, () => agreeAndChoosePhone(page));
  testInfo.annotations.push({ type: 'recovered by', description: way });
  await expect(page.getByRole('alert').filter({ hasText: '다음 화면을 불러오지 못했습니다' })).toHaveCount(0);
});

test('a retry that fails too offers 새로고침, which brings the phone screens back', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('chunk-fail-twice'), '/script-tag');
  await page.route(PHONE_CHUNK, (route) => route.abort('internetdisconnected'));
  await agreeAndChoosePhone(page);
  await page.getByRole('button', { name: '다시 시도' }).click();
  const reload = page.getByRole('button', { name: '새로고침' });
  await expect(reload).toBeVisible();
  await expect(page.getByRole('button', { name: '다시 시도' })).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: '다음 화면을 불러오지 못했습니다' })).toBeVisible();

  await page.unroute(PHONE_CHUNK);
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await agreeAndChoosePhone(page);
  await expect(page.getByRole('heading', { name: '이용중인 통신사를 선택해 주세요' })).toBeVisible();
});

test('two navigations race: the newer click wins over the older, slower load', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('chunk-race'), '/script-tag');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(PHONE_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('checkbox', { name: '동의합니다' }).check();
  await page.getByRole('button', { name: '휴대폰인증하기' }).click();
  await expect(page.getByRole('status').filter({ hasText: '다음 화면을 불러오는 중' })).toBeVisible();
  await page.getByRole('button', { name: 'MOTP인증하기' }).click();
  await expect(page.getByRole('heading', { name: 'mOTP 인증' })).toBeVisible();

  // The older load finishes after the newer click: the learner stays where they went last.
  release();
  await page.waitForFunction(() => !!customElements.get('idv-phone-method-step'));
  await expect(page.getByRole('heading', { name: 'mOTP 인증' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '이용중인 통신사를 선택해 주세요' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '다음 화면을 불러오는 중' })).toHaveCount(0);
});
