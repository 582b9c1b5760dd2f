// Lint: typescript-eslint's recommended rules on every TypeScript file, plus the bans that
// keep the bundle CSP-safe (no eval, no innerHTML).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'packages/*/dist/', 'demo/dist/', 'storybook-static/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Strict CSP / Trusted Types: render with lit templates.' },
        { property: 'outerHTML', message: 'Strict CSP / Trusted Types: render with lit templates.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // chai assertions are property reads (`expect(x).to.be.true`).
    files: ['test/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**'],
    rules: { 'no-console': 'error' },
  },
);
