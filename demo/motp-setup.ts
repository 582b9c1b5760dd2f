/**
 * The demo's mOTP provider, as the environment asks (`IDV_MOTP`, see src/server/env-motp.ts):
 *
 * - `totp` (default): the built-in TOTP provider; the phone simulator's mOTP app enrols with it.
 * - `hrdk`: HRD Korea's API at `IDV_HRDK_URL`. The simulator (its dev routes and simulated
 *   phones) stays off unless `IDV_DEV_ROUTES=1`, for a fake run apart — never the real service.
 * - `hrdk-fake`: the fake of HRD Korea (test/fakes/hrdk.ts) starts in this process on a
 *   loopback port and the real adapter talks to it over HTTP; the phone simulator's mOTP app
 *   shows the fake's codes, and the dev routes are on (the banner says so).
 */
import { createHrdkProvider, envFlag, readMotpEnv, type Env, type VerifyAppOptions } from '../src/server/index.js';
import { startHrdkFake } from '../test/fakes/hrdk.js';

/** The demo's mOTP wiring. */
export interface DemoMotp {
  /** Options for the verification API. */
  verify: Partial<VerifyAppOptions>;
  /** What the banner says about mOTP. */
  label: string;
  /** Stops what was started (the fake). */
  close(): Promise<void>;
}

/** Reads the environment and sets mOTP up (starting the fake for `hrdk-fake`). */
export async function setupDemoMotp(env: Env): Promise<DemoMotp> {
  const devRoutesWithRealProviders = envFlag(env, 'IDV_DEV_ROUTES');
  const config = readMotpEnv(env);
  switch (config.kind) {
    case 'totp':
      return { verify: { devRoutesWithRealProviders }, label: 'built-in TOTP', close: async () => {} };
    case 'hrdk':
      return {
        // Without IDV_DEV_ROUTES=1 the simulator is off, and with it the simulated phones (no phone check).
        verify: { motp: createHrdkProvider(config), ...(devRoutesWithRealProviders ? { devRoutesWithRealProviders } : { simulator: false }) },
        label: `HRD Korea at ${config.baseUrl} (agent ${config.agentId})${devRoutesWithRealProviders ? '' : '; simulator off'}`,
        close: async () => {},
      };
    case 'hrdk-fake': {
      const fake = await startHrdkFake();
      return {
        verify: {
          motp: createHrdkProvider({ agentId: config.agentId, baseUrl: fake.url, logUrl: fake.logUrl }),
          // The fake is ours, in this process: the simulator calls may run beside the real adapter.
          devRoutesWithRealProviders: true,
          devMotpEnroller: fake,
        },
        label: `HRD Korea FAKE (in this process) at ${fake.url}`,
        close: () => fake.close(),
      };
    }
  }
}
