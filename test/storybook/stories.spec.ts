/**
 * Every story of the built Storybook, in Korean and English, at desktop width and on a 390 px
 * phone: its loaders, render and play function (the learner's walk) must finish without an
 * error, the console and the page must stay free of errors, an English story must show no
 * Korean text (nor name anything in Korean), and axe must find no serious or
 * critical violation in what the story shows. No story offers an element's private state, and
 * its controls set only what a page can set (each of them checked to reach the element). Every
 * docs page must render too, listing the elements' public API and none of their private state.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test as base, type Page } from '@playwright/test';
import { showStory, storyControls, storyOutcome, updateArgs, watchStorybook, type Control, type StoryOutcome } from './storybook-channel.js';

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

/** A field of an element in custom-elements.json. */
interface ManifestField {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}

/** Each element's fields, from the manifest the docs pages are made from. */
const fieldsByTag = new Map<string, ManifestField[]>();
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: { tagName?: string; members?: ManifestField[] }[] }[];
};
for (const mod of manifest.modules) {
  for (const declaration of mod.declarations ?? []) {
    if (declaration.tagName) fieldsByTag.set(declaration.tagName, (declaration.members ?? []).filter((m) => m.kind === 'field'));
  }
}
const isPublic = (field: ManifestField) => (field.privacy ?? 'public') === 'public' && !field.static && !/^[#_]/.test(field.name);
/** The fields of `tag` a page has no business with: private, protected, `#private`, static. */
const hiddenFields = (tag: string) => new Set((fieldsByTag.get(tag) ?? []).filter((f) => !isPublic(f)).map((f) => f.name));
/** The fields of `tag` a page may set: public, on instances, writable. */
const settableFields = (tag: string) => new Set((fieldsByTag.get(tag) ?? []).filter((f) => isPublic(f) && !f.readonly).map((f) => f.name));

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

/** Korean text the story shows (text and accessible names, through shadow roots); what an English page must not show. */
function koreanShown(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const hangul = /[\uAC00-\uD7A3]/;
    const found = new Set<string>();
    const walk = (node: Element | ShadowRoot) => {
      const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        if (hangul.test(text.textContent ?? '') && text.parentElement?.localName !== 'style') found.add(text.textContent!.trim());
      }
      for (const el of node.querySelectorAll('*')) {
        for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
          const value = el.getAttribute(name);
          if (value && hangul.test(value)) found.add(`${name}="${value}"`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector(selector)!);
    return [...found];
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
        if (lang === 'en') expect(await koreanShown(page, '#storybook-root'), 'Korean text on an English page').toEqual([]);
        expect(outcome.violations, 'serious or critical axe violations').toEqual([]);
        expect(errors, 'console, page and HTTP errors').toEqual([]);
        const { component, argTypes, controls } = await storyControls(page, story.id);
        expect(fieldsByTag.has(component), `the story's component (${component}) is an element of the manifest`).toBe(true);
        expect(argTypes.filter((name) => hiddenFields(component).has(name)), 'private members among the arguments').toEqual([]);
        const settable = settableFields(component);
        expect(controls.map((c) => c.name).filter((name) => !settable.has(name)), 'controls for what a page cannot set').toEqual([]);
      });
    }
  }
}

/** Property `name` of the story's first `tag` element. */
const propertyOf = (page: Page, tag: string, name: string) =>
  page.evaluate(([tag, name]) => (document.querySelector(`#storybook-root ${tag}`) as unknown as Record<string, unknown> | null)?.[name], [tag, name]);

/** For a text control, a value the element keeps as it is (a code field keeps digits only). */
const TEXT_SAMPLES: Record<string, string> = { value: '12', methods: 'motp', lang: 'en' };

/** A value for `control` other than the one the story starts with. */
function sampleFor(control: Control): unknown {
  if (control.options) return control.options.find((option) => option !== '' && option !== control.value);
  if (control.type === 'boolean') return !control.value;
  if (control.type === 'number') return control.min !== undefined && control.min !== control.value ? control.min : Number(control.value) + 1;
  return TEXT_SAMPLES[control.name] ?? `sample ${control.name}`;
}

// Each control of each element reaches the element: a control that changes nothing is a lie.
for (const id of ['gate-id-verify-gate--consent', 'controls-motp-input--default', 'controls-pass-carrier-picker--default']) {
  test(`${id}: every control sets the element's property`, async ({ preview }) => {
    const { page } = preview;
    const [, errors] = await watchingErrors(page, async () => {
      expect(await show(preview, id, 'ko'), 'the story rendered').toEqual({ status: 'success', errors: [] });
      const { component, controls } = await storyControls(page, id);
      expect(controls.length, 'the story offers controls').toBeGreaterThan(0);
      for (const control of controls) {
        const value = sampleFor(control);
        expect(value, `a value for ${control.name} other than ${JSON.stringify(control.value)}`).not.toBeUndefined();
        await updateArgs(page, id, { [control.name]: value });
        const message = `${component}.${control.name} after its control was set to ${JSON.stringify(value)}`;
        await expect.poll(() => propertyOf(page, component, control.name), { message, timeout: 3000 }).toEqual(value);
      }
    });
    expect(errors, 'console, page and HTTP errors').toEqual([]);
  });
}

/** Some of each element's public API: properties, events, parts, CSS properties (and slots). */
const PUBLIC: Record<string, string[]> = {
  'id-verify-gate': ['endpoint', 'session', 'purpose', 'lang', 'mvnoHelpUrl', 'id-verify-success', 'frame', '--idv-color-accent', 'notice'],
  'motp-input': ['value', 'name', 'label', 'length', 'required', 'motp-complete', 'slot', '--idv-motp-slot-size'],
  'pass-carrier-picker': ['value', 'name', 'label', 'mvnoHelpUrl', 'change', 'option', 'mvno-help', '--idv-carrier-columns'],
};

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
    expect(names.filter((name) => hiddenFields(tag).has(name)), 'private members in the table').toEqual([]);
    expect(errors, 'console and page errors').toEqual([]);
  });
}
