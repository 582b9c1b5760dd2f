/** The demo pages load with a clean console: no error, no failed request (a favicon included). */
import { expect, test } from '@playwright/test';
import { uniqueLearner } from './helpers.js';

for (const path of ['/', '/script-tag', '/phone?phone=010-1234-5678']) {
  test(`${path}: no console error and no failed request while it loads`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    const separator = path.includes('?') ? '&' : '?';
    await page.goto(`${path}${separator}learner=${uniqueLearner('console')}`, { waitUntil: 'networkidle' });
    await expect(page.locator('body')).toBeVisible();
    expect(problems).toEqual([]);
  });
}
