/** Languages: Korean by default, English with `lang="en"`; every string can be overridden. */
import { ko } from './ko.js';
import type { PhoneStrings, Translation } from './translation.js';

export type { Translation, Notice, PhoneStrings } from './translation.js';
export { ko };

/** True when a `lang` value asks for English (`en`, `en-US`…); anything else is Korean. */
export const isEnglish = (lang: string | null | undefined) => !!lang?.toLowerCase().startsWith('en');

/** Loads the English strings (kept out of the main file: Korean is the default). */
export const loadEnglish = async (): Promise<Translation> => (await import('./en.js')).en;

/**
 * Strings for a `lang` attribute value with the page's overrides laid over them. `english`
 * is the English pack once loaded ({@link loadEnglish}); `phone` holds the phone-path
 * strings once that path has loaded (`{ ko, en }`).
 */
export function resolveTranslation(
  lang: string | null | undefined,
  overrides: Partial<Translation> = {},
  phone?: { ko: PhoneStrings; en: PhoneStrings },
  english?: Translation,
): Translation {
  const wantsEnglish = isEnglish(lang) && !!english;
  const base = wantsEnglish ? english : ko;
  const phoneBase = phone && (wantsEnglish ? phone.en : phone.ko);
  return { ...base, ...overrides, phone: phoneBase && { ...phoneBase, ...overrides.phone } };
}
