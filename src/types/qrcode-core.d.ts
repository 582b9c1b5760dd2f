/** The encoder core of `qrcode` (the package's typings cover only its main entry). */
declare module 'qrcode/lib/core/qrcode.js' {
  import type { create as createQr } from 'qrcode';
  /** Builds the QR symbol (module matrix) for the text. */
  export const create: typeof createQr | undefined;
  const core: { create: typeof createQr };
  export default core;
}
