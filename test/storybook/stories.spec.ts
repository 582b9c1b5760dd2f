/**
 * Every story of the built Storybook, in Korean and English, at desktop width and on a 390 px
 * phone: its loaders, render and play function (the learner's walk) must finish without an
 * error, the console and the page must stay free of errors, and axe must find no serious or
 * critical violation in what the story shows. Every docs page must render too, listing the
 * elements' public API and none of their private state.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test as base, type Page } from '@playwright/test';
import { showStory, storyOutcome, watchStorybook, type StoryOutcome } from './storybook-channel.js';

/** One entry of storybook-static/index.json. */
interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, IndexEntry> };
const entries = Object.values(index.entries);
const stories = entries.filter((entry) => entry.type === 'story');
const docs = entries.filter((entry) => entry.type === 'docs');

const LANGUAGES = ['ko', 'en'] as const;
/** Desktop, and the 390 px phone the stories' toolbar offers (stories/support/globals.ts). */
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A worker's preview page, and the language it was loaded in (stories then switch in place). */
interface Preview {
  page: Page;
  lang?: string;
}

const test = base.extend<object, { preview: Preview }>({
  preview: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      await watchStorybook(page);
      await use({ page });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/** Serious and critical axe violations inside the story's root, one line each. */
async function axeViolations(page: Page, root: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const { violations } = await axe.run(document.querySelector(selector)!, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, root);
}

/** Runs `action` and returns its result with the console errors, page errors and HTTP errors meanwhile. */
async function watchingErrors<T>(page: Page, action: () => Promise<T>): Promise<[T, string[]]> {
  const errors: string[] = [];
  const onConsole = (message: import('@playwright/test').ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  };
  const onPageError = (error: Error) => errors.push(`page: ${error.message}`);
  const onResponse = (response: import('@playwright/test').Response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  try {
    return [await action(), errors];
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('response', onResponse);
  }
}

/** Shows story `id` in `lang`: in the preview already loaded in that language, else in a fresh load. */
async function show(preview: Preview, id: string, lang: string): Promise<StoryOutcome> {
  if (preview.lang === lang) return showStory(preview.page, id);
  await preview.page.goto(`/iframe.html?id=${id}&viewMode=story&globals=lang:${lang}`);
  preview.lang = lang;
  return storyOutcome(preview.page, id);
}

// Language first: a worker loads the preview again only when the language changes.
for (const lang of LANGUAGES) {
  for (const story of stories) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      test(`${story.title} / ${story.name} [${lang}, ${size}]`, async ({ preview }) => {
        const { page } = preview;
        await page.setViewportSize(viewport);
        const [outcome, errors] = await watchingErrors(page, async () => {
          const outcome = await show(preview, story.id, lang);
          // Still inside the watch: an error the story causes while axe runs counts too.
          return { outcome, violations: outcome.status === 'success' ? await axeViolations(page, '#storybook-root') : [] };
        });
        expect(outcome.outcome, 'the story rendered and its play function finished').toEqual({ status: 'success', errors: [] });
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(outcome.violations, 'serious or critical axe violations').toEqual([]);
        expect(errors, 'console, page and HTTP errors').toEqual([]);
      });
    }
  }
}

/** Some of each element's public API: properties, events, parts, CSS properties (and slots). */
const PUBLIC: Record<string, string[]> = {
  'id-verify-gate': ['endpoint', 'session', 'purpose', 'lang', 'mvnoHelpUrl', 'id-verify-success', 'frame', '--idv-color-accent', 'notice'],
  'motp-input': ['value', 'name', 'label', 'length', 'required', 'motp-complete', 'slot', '--idv-motp-slot-size'],
  'pass-carrier-picker': ['value', 'name', 'label', 'mvnoHelpUrl', 'change', 'option', 'mvno-help', '--idv-carrier-columns'],
};
/** The elements' private state (fields, `#private` ones, statics), which docs and controls must not offer. */
const PRIVATE = ['activeClient', 'flow', 'phoneChunk', 'loadError', 'translatedFrom', 'config', 't', '#code', '#internals', 'properties', 'styles'];

for (const doc of docs) {
  test(`${doc.title} / docs page`, async ({ page }) => {
    await watchStorybook(page);
    const [outcome, errors] = await watchingErrors(page, async () => {
      await page.goto(`/iframe.html?id=${doc.id}&viewMode=docs`);
      return storyOutcome(page, doc.id);
    });
    expect(outcome).toEqual({ status: 'success', errors: [] });
    const tag = Object.keys(PUBLIC).find((name) => doc.title.includes(name)) ?? 'id-verify-gate';
    // The first cell of each row of the API table is the member's name (then its "required" mark).
    const cells = await page.locator('#storybook-docs table.docblock-argstable tbody tr td:first-child').allInnerTexts();
    const names = cells.map((cell) => cell.split('\n')[0]!.trim());
    expect(names, 'the public API in the table').toEqual(expect.arrayContaining(PUBLIC[tag]!));
    expect(names.filter((name) => PRIVATE.includes(name)), 'private members in the table').toEqual([]);
    expect(errors, 'console and page errors').toEqual([]);
  });
}
