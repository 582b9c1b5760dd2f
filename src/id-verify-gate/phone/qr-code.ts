/**
 * A QR code as one SVG path, from `qrcode`'s module matrix. `qrcode` is imported here and
 * only here, lazily, so only the QR path downloads it (docs/architecture.md, Budgets).
 */
import { svg } from 'lit';

/** SVG path data drawing the dark modules of `text`'s QR code, and the matrix size. */
export async function qrPath(text: string): Promise<{ size: number; d: string }> {
  // The encoder core only: the package's renderers (canvas, PNG, terminal) are not needed.
  const core = await import('qrcode/lib/core/qrcode.js');
  // CommonJS: bundlers expose `create` as a named export, some dev servers only on `default`.
  const create = core.create ?? core.default.create;
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
  }
  return { size: modules.size, d };
}

/** The code as an SVG template with a 4-module quiet zone (no markup string is injected). */
export function qrSvg(code: { size: number; d: string }, label: string) {
  const box = code.size + 8;
  return svg`<svg class="qr" viewBox="-4 -4 ${box} ${box}" role="img" aria-label=${label} shape-rendering="crispEdges">
    <rect x="-4" y="-4" width=${box} height=${box} fill="#fff"></rect>
    <path d=${code.d} fill="#000"></path>
  </svg>`;
}
