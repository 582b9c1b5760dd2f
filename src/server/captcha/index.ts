/**
 * The 보안문자 service: issues a digit challenge drawn as vector paths, reads it out as a
 * WAV for 음성듣기, and checks the learner's answer exactly once. The answer lives in the
 * store (it identifies nobody), keyed by a random id the widget sends back.
 */
import type { CaptchaResponse } from '../../protocol/messages.js';
import { normalizeDigits } from '../../protocol/input.js';
import { randomToken } from '../crypto.js';
import type { Store } from '../stores/store.js';
import { mixCaptchaAudio } from './audio.js';
import { constantTimeEqual } from './compare.js';
import { drawCaptchaImage } from './image.js';
import { randomDigits } from './random.js';

/** Digits in a captcha unless configured otherwise. */
export const CAPTCHA_LENGTH = 6;
/** How long a captcha stays valid unless configured otherwise: 5 minutes. */
export const CAPTCHA_TTL_MS = 5 * 60 * 1000;
/** Longest answer length accepted in the options; longer ones no longer fit a person's memory. */
const MAX_LENGTH = 10;
/** Answers longer than this are refused unread (they still consume the challenge). */
const MAX_ANSWER_CHARS = 64;
/** The ids `issue` makes: 16 random bytes, base64url. Anything else never reaches the store. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Issues, voices and checks captchas. */
export interface CaptchaService {
  /** A new challenge (6 digits by default), stored for 5 min. */
  issue(): Promise<CaptchaResponse>;
  /** The challenge's digits spoken in Korean over noise, as a 16-bit PCM mono WAV; null if unknown/expired. */
  audio(id: string): Promise<Uint8Array | null>;
  /** True when `answer` matches; single use: the challenge is consumed either way. */
  check(id: string, answer: string): Promise<boolean>;
  /** The digits (simulator's /v1/dev/captcha only). */
  answerOf(id: string): Promise<string | null>;
}

/** Options of {@link createCaptchaService}. */
export interface CaptchaServiceOptions {
  /** Where challenges live between issue and check. */
  store: Store;
  /** Epoch milliseconds; tests inject one to expire challenges without sleeping. */
  clock?: () => number;
  /** Digits per challenge (1–10, default 6). */
  length?: number;
  /** Life of a challenge in milliseconds (default 5 min). */
  ttlMs?: number;
}

/** What the store holds per challenge. */
interface CaptchaRecord {
  answer: string;
  /** Epoch ms; checked on our clock too, in case the store's TTL runs on another one. */
  expiresAt: number;
}

const recordKey = (id: string) => `captcha:${id}`;
/** Marks a challenge as taken, so two checks racing past `get` cannot both evaluate it. */
const usedKey = (id: string) => `captcha:used:${id}`;

/** Creates the captcha service over `store`. */
export function createCaptchaService(options: CaptchaServiceOptions): CaptchaService {
  const { store } = options;
  const clock = options.clock ?? Date.now;
  const length = options.length ?? CAPTCHA_LENGTH;
  const ttlMs = options.ttlMs ?? CAPTCHA_TTL_MS;
  if (!Number.isInteger(length) || length < 1 || length > MAX_LENGTH) {
    throw new RangeError(`captcha length must be an integer from 1 to ${MAX_LENGTH}`);
  }
  if (!Number.isFinite(ttlMs) || ttlMs < 1000) throw new RangeError('captcha ttlMs must be at least 1000');

  /** The live record of `id`, or undefined; ids of the wrong shape are not even looked up. */
  const load = async (id: unknown): Promise<CaptchaRecord | undefined> => {
    // The pattern also keeps a crafted id such as `used:…` out of the marker namespace.
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined;
    const record = await store.get<CaptchaRecord>(recordKey(id));
    if (!record || typeof record.answer !== 'string' || !(record.expiresAt > clock())) return undefined;
    return record;
  };

  return {
    async issue() {
      const id = randomToken(16);
      const answer = randomDigits(length);
      await store.set(recordKey(id), { answer, expiresAt: clock() + ttlMs } satisfies CaptchaRecord, ttlMs);
      return { id, image: drawCaptchaImage(answer), length, expiresIn: Math.ceil(ttlMs / 1000) };
    },

    async audio(id) {
      const record = await load(id);
      return record ? mixCaptchaAudio(record.answer) : null;
    },

    async check(id, answer) {
      const record = await load(id);
      if (!record) return false;
      // Claim before judging: whoever loses the race is refused without a comparison, and the
      // marker lasts as long as the record would have, so the id can never be claimed twice.
      const claimed = await store.setIfAbsent(usedKey(id), 1, Math.max(1, record.expiresAt - clock()));
      // Consumed whatever the verdict: a wrong guess must not leave the challenge for another.
      await store.delete(recordKey(id));
      if (!claimed || typeof answer !== 'string' || answer.length > MAX_ANSWER_CHARS) return false;
      return constantTimeEqual(normalizeDigits(answer), record.answer);
    },

    async answerOf(id) {
      return (await load(id))?.answer ?? null;
    },
  };
}
