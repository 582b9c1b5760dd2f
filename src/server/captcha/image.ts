/**
 * Draws the 보안문자 picture as SVG path data: each digit's pen strokes, bent a little
 * differently every time, among a few noise curves. Paths instead of markup keep the widget
 * CSP-safe (it builds the `<path>` elements itself); paths instead of pixels keep it tiny.
 */
import type { CaptchaResponse } from '../../protocol/messages.js';
import { GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from './glyphs.js';
import { randomBetween, randomInt } from './random.js';

/** Picture height, in viewBox units. */
export const IMAGE_HEIGHT = 60;
/** Minimum picture width; long answers widen it rather than squeeze the digits. */
export const IMAGE_MIN_WIDTH = 180;

/** Horizontal room per digit, in viewBox units. */
const SLOT = 27;
/** Empty band left and right of the digits. */
const MARGIN = 8;
/** Largest tilt either way: beyond it neighbours collide and a leaning 1 passes for a 7. */
const MAX_TILT = (15 * Math.PI) / 180;
/** How far a single point strays from its place, in viewBox units. */
const WOBBLE = 0.8;

type Point = [number, number];

/** One decimal at most: enough for a 180-unit picture, and it keeps the JSON small. */
const num = (value: number): string => String(Math.round(value * 10) / 10);

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** A whole-picture wave, so the baseline is never a straight line a segmenter can follow. */
function createWave(): (p: Point) => Point {
  const amplitude = randomBetween(1, 2.5);
  const period = randomBetween(70, 140);
  const phase = randomBetween(0, 2 * Math.PI);
  return ([x, y]) => [x, y + amplitude * Math.sin((2 * Math.PI * x) / period + phase)];
}

/** The path data of one digit placed in slot `index`, with its own tilt, size and jitter. */
function drawGlyph(digit: number, index: number, slotWidth: number, wave: (p: Point) => Point, width: number): string {
  // Leave air between neighbours even when both lean towards each other.
  const base = Math.min(slotWidth / (GLYPH_WIDTH + 8), 1.2);
  const size = base * randomBetween(0.9, 1.08);
  const sx = size * randomBetween(0.93, 1.07);
  const sy = size * randomBetween(0.93, 1.07);
  const shear = randomBetween(-0.12, 0.12);
  const tilt = randomBetween(-MAX_TILT, MAX_TILT);
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  const cx = MARGIN + (index + 0.5) * slotWidth + randomBetween(-2.5, 2.5);
  const cy = IMAGE_HEIGHT / 2 + randomBetween(-3, 3);

  const place = ([gx, gy]: Point): Point => {
    // Centre the grid on the origin, shear and scale, tilt, then move into the slot.
    const y0 = (gy - GLYPH_HEIGHT / 2) * sy;
    const x0 = (gx - GLYPH_WIDTH / 2) * sx + shear * y0;
    const [x, y] = wave([cx + x0 * cos - y0 * sin, cy + x0 * sin + y0 * cos]);
    return [
      clamp(x + randomBetween(-WOBBLE, WOBBLE), 1, width - 1),
      clamp(y + randomBetween(-WOBBLE, WOBBLE), 1, IMAGE_HEIGHT - 1),
    ];
  };

  return GLYPHS[digit]!.map(({ op, points }) => op + points.map((p) => place(p).map(num).join(' ')).join(' ')).join(' ');
}

/** `y` measured from the top edge, or mirrored to be measured from the bottom edge. */
const fromEdge = (top: boolean, y: number): number => (top ? y : IMAGE_HEIGHT - y);

/**
 * One noise stroke: the first two are a long U and a long arch that run past both ends of the
 * picture and cross the digits' feet and heads at a shallow angle; the rest are wide, shallow
 * arcs reaching in from an edge. Lines along the middle, or steep ones through a digit, are
 * avoided on purpose: they merge with the bars of 2, 3, 4, 5, 7 or turn a 1 into a 4, which
 * hurts people far more than it hurts bots.
 */
function drawNoise(index: number, width: number, top: boolean): string {
  if (index < 2) {
    const x0 = randomBetween(-25, -5);
    const x3 = randomBetween(width + 5, width + 25);
    const start = randomBetween(8, 28);
    const end = randomBetween(8, 28);
    // A cubic with both controls at `c` bottoms out at (start + end)/8 + 3c/4: solve c for the depth.
    const depth = randomBetween(51, 58);
    const c = (depth - 0.125 * (start + end)) / 0.75;
    const x1 = x0 + (x3 - x0) * randomBetween(0.2, 0.4);
    const x2 = x0 + (x3 - x0) * randomBetween(0.6, 0.8);
    return (
      `M${num(x0)} ${num(fromEdge(top, start))} C${num(x1)} ${num(fromEdge(top, c))} ` +
      `${num(x2)} ${num(fromEdge(top, c))} ${num(x3)} ${num(fromEdge(top, end))}`
    );
  }
  const x0 = randomBetween(-20, width - 50);
  const x1 = x0 + randomBetween(50, 90);
  const reach = randomBetween(22, 34);
  return (
    `M${num(x0)} ${num(fromEdge(top, randomBetween(0, 8)))} ` +
    `Q${num((x0 + x1) / 2)} ${num(fromEdge(top, reach))} ${num(x1)} ${num(fromEdge(top, randomBetween(0, 8)))}`
  );
}

/** Fisher–Yates in place: glyphs and noise come in no telling order. */
function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** The picture of `digits` (ASCII digits): one path per digit plus 4–6 noise paths, shuffled. */
export function drawCaptchaImage(digits: string): CaptchaResponse['image'] {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError('drawCaptchaImage: digits only');
  const width = Math.max(IMAGE_MIN_WIDTH, 2 * MARGIN + SLOT * digits.length);
  const slotWidth = (width - 2 * MARGIN) / digits.length;
  const wave = createWave();
  const paths = [...digits].map((d, i) => drawGlyph(Number(d), i, slotWidth, wave, width));
  const noise = 4 + randomInt(3);
  const firstFromTop = randomInt(2) === 0;
  // Alternate edges, so two strokes never run side by side like a double line.
  for (let i = 0; i < noise; i++) paths.push(drawNoise(i, width, firstFromTop === (i % 2 === 0)));
  return { width, height: IMAGE_HEIGHT, paths: shuffle(paths) };
}
