// Element tests in real Chromium (Playwright launcher, Debian's browser by default).
import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, requireChromium } from './scripts/chromium.mjs';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // Without target es2022 esbuild leaves decorators for the browser, which throws.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // qrcode ships CommonJS only; bundlers convert it, the test server needs this.
    fromRollup(commonjs)({ include: ['**/node_modules/qrcode/**', '**/node_modules/dijkstrajs/**'], strictRequires: false, esmExternals: true, requireReturnsDefault: 'preferred' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 120000,
};
