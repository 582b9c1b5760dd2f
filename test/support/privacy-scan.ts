/**
 * A privacy scan of what a run left behind: every key and value in a Redis database (whatever
 * its type) and any text such as the audit file, searched for plaintext personal data — the
 * names, phones (in every spelling), birth dates, codes and sessions the run used, plus any
 * Korean mobile number and any six-digit code at all.
 */
import type { Redis } from 'ioredis';

/** What the run is known to have used; each is searched for in every spelling. */
export interface KnownSecrets {
  names: string[];
  /** Phones in any accepted spelling. */
  phones: string[];
  /** `YYMMDD-D` (with the century known from the digit). */
  births: string[];
  /** SMS and mOTP codes seen during the run. */
  codes: string[];
  /** Bearer sessions handed to pages. */
  sessions: string[];
  /**
   * Six-digit numbers known not to be codes, e.g. the clock hours (hours since 1970) that
   * rate-limit keys are named by during the run.
   */
  notCodes?: string[];
}

/** One place where the scan found something, and what it was. */
export interface Finding {
  /** `redis <key>` or the name given to a text. */
  where: string;
  /** What kind of data, and the matching text. */
  what: string;
}

/** One stored item as text: a Redis key with its value, or a file's content. */
export interface ScannedText {
  where: string;
  text: string;
  /** A captcha's answer is on the learner's screen, not personal: six digits there are expected. */
  allowSixDigits?: boolean;
}

/** Every key of the database (or those matching `match`) with its value as text, whatever the type. */
export async function readWholeRedis(client: Redis, match = '*'): Promise<ScannedText[]> {
  const out: ScannedText[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await client.type(key);
      let value: unknown;
      if (type === 'string') value = await client.get(key);
      else if (type === 'hash') value = await client.hgetall(key);
      else if (type === 'list') value = await client.lrange(key, 0, -1);
      else if (type === 'set') value = await client.smembers(key);
      else if (type === 'zset') value = await client.zrange(key, '0', '-1', 'WITHSCORES');
      else value = `<${type}>`;
      const text = `${key}\n${JSON.stringify(value)}`;
      out.push({ where: `redis ${key}`, text, allowSixDigits: /(^|:)captcha:[\w-]+$/.test(key) });
    }
  } while (cursor !== '0');
  return out;
}

/** The spellings a Korean mobile number may be stored in. */
export function phoneSpellings(phone: string): string[] {
  const digits = phone.replace(/\D/g, '').replace(/^82/, '0');
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, -4), digits.slice(-4)];
  return [digits, `${a}-${b}-${c}`, `${a} ${b} ${c}`, `${a}.${b}.${c}`, `+82${digits.slice(1)}`, `82${digits.slice(1)}`, `+82-${a.slice(1)}-${b}-${c}`, `${b}-${c}`, `${b}${c}`];
}

/** The spellings of a `YYMMDD-D` birth: `YYMMDD`, `YYYYMMDD`, `YYYY-MM-DD`, with the digit. */
export function birthSpellings(birth: string): string[] {
  const [, yy, mm, dd, digit] = /^(\d\d)(\d\d)(\d\d)-?(\d)$/.exec(birth)!;
  const century = '1256'.includes(digit!) ? '19' : '20';
  return [`${yy}${mm}${dd}`, `${yy}${mm}${dd}-${digit}`, `${yy}${mm}${dd}${digit}`, `${century}${yy}${mm}${dd}`, `${century}${yy}-${mm}-${dd}`];
}

/** A mobile number in any spelling, not part of a longer number (timestamps, counters). */
const ANY_MOBILE = /(?<![\d])(?:\+?82[-. ]?1[016789]|01[016789])[-. ]?\d{3,4}[-. ]?\d{4}(?!\d)/;
/** Six digits standing alone (not inside a longer number or a random identifier). */
const SIX_DIGITS = /(?<![\w])\d{6}(?![\w])/g;

/**
 * Whether `text` holds `needle` as itself: a needle that starts or ends with a digit must not
 * run on into more digits (a code `000000` inside the timestamp `1741575600000` is not a code).
 */
function holds(text: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${/^\d/.test(needle) ? '(?<!\\d)' : ''}${escaped}${/\d$/.test(needle) ? '(?!\\d)' : ''}`).test(text);
}

/** Everything personal the texts hold; empty when the run left nothing behind. */
export function findPlaintext(texts: ScannedText[], known: KnownSecrets): Finding[] {
  const needles: Array<[string, string]> = [
    ...known.names.map((name): [string, string] => ['name', name]),
    ...known.phones.flatMap((phone) => phoneSpellings(phone).map((s): [string, string] => ['phone', s])),
    ...known.births.flatMap((birth) => birthSpellings(birth).map((s): [string, string] => ['birth date', s])),
    ...known.codes.map((code): [string, string] => ['code', code]),
    ...known.sessions.map((session): [string, string] => ['session', session]),
  ];
  const findings: Finding[] = [];
  for (const { where, text, allowSixDigits } of texts) {
    for (const [what, needle] of needles) if (holds(text, needle)) findings.push({ where, what: `${what} ${needle}` });
    const mobile = ANY_MOBILE.exec(text);
    if (mobile) findings.push({ where, what: `phone ${mobile[0]}` });
    if (allowSixDigits) continue;
    for (const [digits] of text.matchAll(SIX_DIGITS)) {
      if (!known.notCodes?.includes(digits)) findings.push({ where, what: `code-like ${digits}` });
    }
  }
  return findings;
}
