/** SMS codes and QR numbers (docs/security.md rule 9): 6 digits from the CSPRNG, leading zeros kept, no bias (χ² over 100k draws). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { randomNumericCode } from '../../src/server/crypto.js';

const DRAWS = 100_000;
/** χ² critical value for 9 degrees of freedom at p = 0.001. */
const CRITICAL_9DF = 27.877;
/** The same for each of the 6 positions, Bonferroni-corrected to 0.001 overall (p = 0.001 / 6). */
const CRITICAL_9DF_PER_POSITION = 32.5;

/** Pearson's χ² of `counts` against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

/** Digit frequencies over all positions, and per first digit, of `draws` codes from `next`. */
function tally(next: () => string, draws = DRAWS) {
  const all = new Array<number>(10).fill(0);
  const first = new Array<number>(10).fill(0);
  const byPosition = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
  let malformed = 0;
  for (let i = 0; i < draws; i++) {
    const code = next();
    if (!/^[0-9]{6}$/.test(code)) malformed++;
    first[Number(code[0])]!++;
    for (let p = 0; p < code.length; p++) {
      all[Number(code[p])]!++;
      byPosition[p]![Number(code[p])]!++;
    }
  }
  return { all, first, byPosition, malformed };
}

describe('code generation', () => {
  test('100k codes: always 6 ASCII digits, leading zeros kept, χ² under the 0.001 critical value', () => {
    const { all, first, byPosition, malformed } = tally(() => randomNumericCode(6));
    assert.equal(malformed, 0);
    assert.ok(first[0]! > DRAWS * 0.09, `codes starting with 0: ${first[0]}`);
    assert.ok(chiSquare(all) < CRITICAL_9DF, `all digits χ² = ${chiSquare(all).toFixed(2)}`);
    assert.ok(chiSquare(first) < CRITICAL_9DF, `first digits χ² = ${chiSquare(first).toFixed(2)}`);
    const worst = Math.max(...byPosition.map(chiSquare));
    assert.ok(worst < CRITICAL_9DF_PER_POSITION, `worst position χ² = ${worst.toFixed(2)}`);
  });

  test('the χ² check does catch a modulo-biased generator (byte % 10), so it can fail', () => {
    const biased = () => {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
      return Array.from(bytes, (b) => String(b % 10)).join('');
    };
    const { all } = tally(biased);
    assert.ok(chiSquare(all) > CRITICAL_9DF, `biased χ² = ${chiSquare(all).toFixed(2)}`);
  });

  test('other lengths work and bad ones are refused', () => {
    assert.match(randomNumericCode(1), /^[0-9]$/);
    assert.match(randomNumericCode(9), /^[0-9]{9}$/);
    for (const length of [0, 10, 1.5, -1]) assert.throws(() => randomNumericCode(length), RangeError);
  });
});
