/** Answer comparison that leaks nothing through timing. */

/**
 * True when `given` equals `expected`. Runs over the length of `expected` (public: it is the
 * captcha's length) whatever `given` holds, so timing tells nothing about how many leading
 * digits were right.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length;
  // Past the end of `given`, charCodeAt is NaN and `| 0` makes it 0: the length check above
  // already failed in that case, the loop only keeps the same number of steps.
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0;
}
