// The end-to-end suites. Each runs the demo with `npm start` under its own environment (the
// providers it configures) on its own port; `npm test` runs them one after another, so no two
// `npm start` builds race. Run one alone with `E2E_SUITE=<name> npx playwright test`.

/**
 * One suite: where its specs live and how its server is started.
 * @typedef {object} E2eSuite
 * @property {string} testDir Folder of its specs.
 * @property {string[]} [testIgnore] Specs under `testDir` that belong to other suites.
 * @property {Record<string, string>} env Environment of its `npm start`, on top of PORT and HOST.
 * @property {number} port Port its server listens on.
 * @property {boolean} [redis] Its `npm start` runs on a throwaway `redis-server` started for the run
 *   (IDV_STORE=redis, REDIS_URL and shared keys in its env; the specs see IDV_E2E_REDIS_URL).
 * @property {string} [finalDir] Specs that run once every other spec has passed (e.g. a scan of
 *   what the run left behind).
 */

/**
 * @type {Record<string, E2eSuite>} Every suite by name; `default` is the demo on the built-in
 * simulator, `hrdk` the demo with HRD Korea's mOTP adapter talking to the in-process fake.
 */
export const E2E_SUITES = {
  default: { testDir: 'test/e2e', testIgnore: ['**/suites/**'], env: {}, port: 8181 },
  hrdk: { testDir: 'test/e2e/suites/hrdk', env: { IDV_MOTP: 'hrdk-fake' }, port: 8182 },
  nice: { testDir: 'test/e2e/suites/nice', env: { IDV_PHONE: 'nice-fake' }, port: 8183 },
  portone: { testDir: 'test/e2e/suites/portone', env: { IDV_PHONE: 'portone-fake' }, port: 8184 },
  // The same specs with every bit of state in Redis and an audit file, then a privacy scan of both.
  redis: {
    testDir: 'test/e2e',
    testIgnore: ['**/suites/**'],
    env: { IDV_AUDIT_FILE: 'test-results/redis/audit.jsonl' },
    redis: true,
    finalDir: 'test/e2e/suites/redis',
    port: 8189,
  },
};

/**
 * The suite `E2E_SUITE` names (default: `default`); an unknown name is an error.
 * @returns {E2eSuite & { name: string }}
 */
export function currentSuite(name = process.env.E2E_SUITE ?? 'default') {
  const suite = E2E_SUITES[name];
  if (!suite) throw new Error(`E2E_SUITE=${name} is not one of: ${Object.keys(E2E_SUITES).join(', ')}`);
  return { name, ...suite };
}
