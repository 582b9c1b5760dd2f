/**
 * The phone a request names (docs/security.md rule 31): the number typed, or — `registeredPhone:
 * true` and no `phone` — the one the LMS registered with the session, which the page only saw
 * masked. Either way the checks that follow are the same.
 */
import { normalizeKoreanMobile } from '../../protocol/index.js';

/** Canonical mobile digits for `body`, or null when it names no valid Korean mobile (or both kinds). */
export function requestedPhone(body: Record<string, unknown>, registered: string): string | null {
  if (body.registeredPhone === undefined) return normalizeKoreanMobile(body.phone);
  return body.registeredPhone === true && body.phone === undefined ? registered : null;
}
