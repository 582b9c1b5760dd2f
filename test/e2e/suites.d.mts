/** Types of suites.mjs (the end-to-end suites and their servers). */

/** One suite: where its specs live and how its server is started. */
export interface E2eSuite {
  /** Folder of its specs. */
  testDir: string;
  /** Specs under `testDir` that belong to other suites. */
  testIgnore?: string[];
  /** Environment of its `npm start`, on top of PORT and HOST. */
  env: Record<string, string>;
  /** Port its server listens on. */
  port: number;
  /** Its `npm start` runs on a throwaway `redis-server` started for the run. */
  redis?: boolean;
  /** Specs that run once every other spec has passed. */
  finalDir?: string;
}

/** Every suite by name; `default` is the demo on the built-in simulator. */
export const E2E_SUITES: Record<string, E2eSuite>;

/** The suite `E2E_SUITE` names (default: `default`); an unknown name is an error. */
export function currentSuite(name?: string): E2eSuite & { name: string };
