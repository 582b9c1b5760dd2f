// Storybook for designers: every element and every step/state of the gate. Uses the project's
// TypeScript settings (legacy decorators), like the library build.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages (autodocs) from custom-elements.json; see preview.ts.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      // Without these, dev mode can load two copies of Lit (one pre-bundled, one not).
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/decorators.js', 'lit/directive-helpers.js', '@lit/context'],
    };
    // Storybook's own docs renderer is a ~1 MB chunk; it is no part of what the packages ship.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1200 };
    return viteConfig;
  },
};
export default config;
