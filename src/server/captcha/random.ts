/**
 * Randomness for the captcha, all from the platform CSPRNG: the digits must be unguessable,
 * and the drawing and the noise must not repeat, or a bot could learn them.
 */
import { randomBytes } from '../crypto.js';

/** 32-bit words fetched per refill; getRandomValues caps one call at 65,536 bytes. */
const POOL_WORDS = 4096;

let pool = new Uint32Array(0);
let next = 0;

/** One uniformly random 32-bit unsigned integer. */
export function randomUint32(): number {
  if (next >= pool.length) {
    const bytes = randomBytes(POOL_WORDS * 4);
    pool = new Uint32Array(bytes.buffer, bytes.byteOffset, POOL_WORDS);
    next = 0;
  }
  const word = pool[next]!;
  // Wipe what was handed out, so the pool never holds a digit that was already drawn.
  pool[next++] = 0;
  return word;
}

/** A uniform number in [0, 1). */
export function randomUnit(): number {
  return randomUint32() / 0x1_0000_0000;
}

/** A uniform number in [min, max). */
export function randomBetween(min: number, max: number): number {
  return min + (max - min) * randomUnit();
}

/** A uniform integer in [0, n), without modulo bias (rejection sampling); n ≤ 2^32. */
export function randomInt(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`randomInt: bad range ${n}`);
  // Draws at or above the largest multiple of n would favour the small results: redraw them.
  const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
  for (;;) {
    const word = randomUint32();
    if (word < limit) return word % n;
  }
}

/** `length` random ASCII digits. */
export function randomDigits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(10));
  return out;
}
