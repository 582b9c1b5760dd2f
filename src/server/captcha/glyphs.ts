/**
 * The digits 0–9 as pen strokes on a 20 × 30 grid (x right, y down), so the captcha needs no
 * font: the server ships a few hundred bytes of outlines and the widget strokes the paths.
 * Written in a small subset of SVG path syntax (absolute `M`, `L`, `Q`) to stay readable.
 */

/** Width of the glyph grid. */
export const GLYPH_WIDTH = 20;
/** Height of the glyph grid. */
export const GLYPH_HEIGHT = 30;

/** One drawing command: a move, a line, or a quadratic curve, with its absolute points. */
export interface GlyphCommand {
  /** `M` moves the pen, `L` draws a line, `Q` a quadratic curve (control point first). */
  op: 'M' | 'L' | 'Q';
  /** Points as `[x, y]` on the glyph grid. */
  points: Array<[number, number]>;
}

/** Outlines in path syntax, indexed by digit. */
const OUTLINES: readonly string[] = [
  // 0: an oval, a little narrower than the cell so it does not read as a letter O.
  'M10 0 Q19 0 19 15 Q19 30 10 30 Q1 30 1 15 Q1 0 10 0',
  // 1: flag and stem with a foot, so it cannot pass for a 7 once rotated.
  'M4 6 L11 0 L11 30 M5 30 L17 30',
  // 2
  'M1 7 Q2 0 10 0 Q19 0 19 8 Q19 14 10 20 L1 30 L20 30',
  // 3: two bowls meeting in the middle.
  'M1 4 Q5 0 10 0 Q19 0 19 7 Q19 14 9 14 Q20 14 20 22 Q20 30 10 30 Q3 30 0 26',
  // 4: open top, as handwritten.
  'M14 30 L14 0 L0 21 L20 21',
  // 5
  'M18 0 L3 0 L2 13 Q6 11 10 11 Q20 11 20 20 Q20 30 10 30 Q3 30 0 26',
  // 6: the top arc sweeps into a closed bowl.
  'M17 2 Q14 0 10 0 Q1 0 0 17 Q0 30 10 30 Q20 30 20 21 Q20 12 10 12 Q2 12 0 19',
  // 7: with the short tick Korean handwriting gives it, so a faint top bar still tells it from a 1.
  'M1 6 L1 0 L20 0 L8 30',
  // 8: two stacked loops drawn in one stroke.
  'M10 14 Q2 14 2 7 Q2 0 10 0 Q18 0 18 7 Q18 14 10 14 Q0 14 0 22 Q0 30 10 30 Q20 30 20 22 Q20 14 10 14',
  // 9: the 6 turned over.
  'M20 10 Q20 18 10 18 Q0 18 0 9 Q0 0 10 0 Q20 0 20 10 Q20 30 9 30 Q4 30 2 28',
];

/** Parses the outline subset above; throws on anything else, since the data is ours. */
function parse(outline: string): GlyphCommand[] {
  const tokens = outline.trim().split(/\s+/);
  const commands: GlyphCommand[] = [];
  let i = 0;
  const point = (): [number, number] => {
    const x = Number(tokens[i++]);
    const y = Number(tokens[i++]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new SyntaxError(`Bad glyph outline: ${outline}`);
    return [x, y];
  };
  while (i < tokens.length) {
    const head = tokens[i++]!;
    const op = head[0];
    if (op !== 'M' && op !== 'L' && op !== 'Q') throw new SyntaxError(`Bad glyph outline: ${outline}`);
    // The first coordinate is glued to the letter ("M10 0"): put it back as its own token.
    tokens[--i] = head.slice(1);
    commands.push({ op, points: op === 'Q' ? [point(), point()] : [point()] });
  }
  return commands;
}

/** Each digit's drawing commands on the glyph grid, indexed by the digit. */
export const GLYPHS: readonly GlyphCommand[][] = OUTLINES.map(parse);
