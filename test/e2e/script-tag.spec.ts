/**
 * The script-tag build (`dist/id-verify.js`) on a page that has nothing else, under the strict
 * CSP: the elements define themselves, the mOTP path works from the one file, and the phone
 * path and English arrive as on-demand chunks fetched from beside it.
 */
import { expect, test } from '@playwright/test';
import { agreeAndChooseMotp, cspViolations, gateEvents, openCoursePage, openPhone, readMotpCode, submitMotp, uniqueLearner } from './helpers.js';

test('one <script> tag: mOTP succeeds without loading anything but dist/id-verify.js', async ({ context }) => {
  const scripts: string[] = [];
  context.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const page = await openCoursePage(context, uniqueLearner('script'), '/script-tag');
  const phone = await openPhone(context, page);
  await agreeAndChooseMotp(page);
  await submitMotp(page, await readMotpCode(phone));
  await expect(page.getByRole('heading', { name: '인증 완료' })).toBeVisible();
  expect((await gateEvents(page)).filter((e) => e.type === 'id-verify-success')).toEqual([
    expect.objectContaining({ method: 'motp', purpose: 'course-start' }),
  ]);
  expect(scripts.filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/id-verify.js']);
  expect(await cspViolations(page)).toEqual([]);
});

test('one <script> tag: the phone path and English load on demand from beside it', async ({ context }) => {
  const scripts: string[] = [];
  context.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const page = await openCoursePage(context, uniqueLearner('script-en'), '/script-tag', '&lang=en');
  await expect(page.getByRole('checkbox', { name: 'I agree' })).toBeVisible();
  const afterLoad = scripts.filter((path) => path.startsWith('/dist/')).length;
  expect(afterLoad).toBe(2); // the file itself and its English strings
  await page.getByRole('checkbox', { name: 'I agree' }).check();
  await page.getByRole('button', { name: 'Verify with phone' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your mobile carrier' })).toBeVisible();
  expect(scripts.filter((path) => path.startsWith('/dist/')).length).toBe(afterLoad + 1);
  expect(await cspViolations(page)).toEqual([]);
});

test('one <script> tag: a <pass-carrier-picker> the page adds on its own is defined as it appears', async ({ context }) => {
  const page = await openCoursePage(context, uniqueLearner('script-picker'), '/script-tag');
  await expect(page.getByRole('checkbox', { name: '동의합니다' })).toBeVisible();
  // The gate alone does not need it: an mOTP learner never downloads the picker.
  expect(await page.evaluate(() => !!customElements.get('pass-carrier-picker'))).toBe(false);
  await page.evaluate(() => {
    const picker = document.createElement('pass-carrier-picker');
    picker.setAttribute('name', 'carrier');
    document.body.append(picker);
  });
  await page.getByRole('radio', { name: 'KT 알뜰폰', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'KT 알뜰폰', exact: true })).toBeChecked();
  expect(await cspViolations(page)).toEqual([]);
});
