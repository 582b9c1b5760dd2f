/**
 * The toolbar's globals every story honours: the language (한국어 / English) and the theme
 * (light / dark). The viewport (desktop / 390 px phone) is Storybook's own toolbar, with the
 * sizes below. The story test (test/storybook/) opens every story in each language and size.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';
import { phoneEn } from '../../src/i18n/phone-en.js';
import { phoneKo } from '../../src/i18n/phone-ko.js';

/** The languages the elements ship, as the toolbar offers them. */
export const LANGUAGES = { ko: '한국어', en: 'English' } as const;
/** A language of the toolbar. */
export type Language = keyof typeof LANGUAGES;

/** The sizes the stories are checked at: a desktop window and a 390 px phone (iPhone 12–15). */
export const VIEWPORTS = {
  desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
  phone: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
} as const;

/** The story's language: the `lang` control when set, else the toolbar's. */
export const storyLang = (args: { lang?: string }, globals: { lang?: string }): string => args.lang || globals.lang || 'ko';

/** Writes the toolbar's language on the page (`<html lang>`), as an LMS page in that language would. */
export const withLanguage: Decorator = (story, { globals }) => {
  document.documentElement.lang = globals.lang || 'ko';
  return story();
};

/**
 * The dark theme: the tokens set once on a container recolour the gate and both form controls.
 * Contrast stays at WCAG AA: text 13:1 and muted text 9:1 on the surface, borders 5:1.
 */
export const darkTheme = html`<style>
  body:has(.idv-dark) {
    background: #14171b;
  }
  .idv-dark {
    /* Native checkboxes, radios and scrollbars inside the elements follow. */
    color-scheme: dark;
    --idv-color-accent: #8ab4f8;
    --idv-color-on-accent: #0b1220;
    --idv-color-text: #e8eaed;
    --idv-color-muted: #bdc1c6;
    --idv-color-border: #8a919a;
    --idv-color-surface: #1f2329;
    --idv-color-subtle: #2a2f36;
    --idv-color-danger: #f28b82;
    --idv-color-success: #81c995;
    background: #14171b;
    color: #e8eaed;
    padding: 24px;
    display: grid;
    gap: 24px;
  }
  .idv-dark a {
    color: #8ab4f8;
  }
</style>`;

/** Wraps the story in the dark theme when the toolbar (or the story's `globals`) asks for it. */
export const withTheme: Decorator = (story, { globals }) =>
  globals.theme === 'dark' ? html`${darkTheme}<div class="idv-dark">${story()}</div>` : story();

/**
 * What a page in the story's language hands the two form controls (they ship Korean defaults):
 * the product's own strings, as the gate hands them over.
 */
export function controlStrings(lang: string) {
  const english = lang.startsWith('en');
  const [t, p] = english ? [en, phoneEn] : [ko, phoneKo];
  return {
    codeLabel: t.otpLabel,
    codeIncomplete: t.codeIncomplete,
    submit: t.verify,
    reset: english ? 'Clear' : '지우기',
    submitted: english ? 'Submitted' : '제출된 값',
    carrierHeading: p.carrierHeading,
    carrierLabels: p.carrierLabels ?? {},
    carrierRequired: p.carrierRequired,
    mvnoHelp: p.mvnoHelp,
    next: p.next,
  };
}
