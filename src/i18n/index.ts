/** Languages: Korean by default, English with `lang="en"`; every string can be overridden. */
import { en } from './en.js';
import { ko } from './ko.js';
import type { Translation } from './translation.js';

export type { Translation, Notice } from './translation.js';
export { ko, en };

/**
 * Strings for a `lang` attribute value (`en`, `en-US` → English; anything else → Korean),
 * with the page's overrides laid over them.
 */
export function resolveTranslation(lang: string | null | undefined, overrides?: Partial<Translation>): Translation {
  const base = lang?.toLowerCase().startsWith('en') ? en : ko;
  return overrides ? { ...base, ...overrides } : base;
}
