/** Normalisers and validators shared by the widget (before sending) and the server (on receipt). */
import { LIMITS } from './constants.js';

const FULL_WIDTH_ZERO = 0xff10;

/**
 * Turns what a learner pasted or an autofill typed into plain ASCII digits: full-width digits
 * become ASCII, spaces, dashes and dots are dropped. Anything else is kept, so that a
 * validator can refuse it instead of silently changing the meaning.
 */
export function normalizeDigits(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= FULL_WIDTH_ZERO && cp <= FULL_WIDTH_ZERO + 9) out += String(cp - FULL_WIDTH_ZERO);
    else if (/[\s\-\u2010-\u2015\u2212\u3000.ー－]/.test(ch)) continue;
    else out += ch;
  }
  return out;
}

/** True for exactly six ASCII digits. */
export function isCode(value: unknown): value is string {
  return typeof value === 'string' && value.length === LIMITS.codeLength && /^[0-9]+$/.test(value);
}

/**
 * Korean mobile number in canonical digits (`01012345678`), or `null` when it is not one.
 * Accepts dashes, spaces, full-width digits and the +82 prefix. Only 010/011/016/017/018/019
 * mobile ranges are accepted (SMS goes to +82 mobiles only).
 */
export function normalizeKoreanMobile(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 32) return null;
  let digits = normalizeDigits(raw).replace(/[()]/g, '');
  if (digits.startsWith('+82')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('82') && digits.length >= 11) digits = '0' + digits.slice(2);
  if (!/^01[016789][0-9]{7,8}$/.test(digits)) return null;
  if (digits.startsWith('010') && digits.length !== 11) return null;
  return digits;
}

/** A phone shown without its middle digits: `010-****-5678`. */
export function maskPhone(digits: string): string {
  const head = digits.slice(0, 3);
  const tail = digits.slice(-4);
  return `${head}-****-${tail}`;
}
