/**
 * The demo's phone provider, from `IDV_PHONE` (see `src/server/env-phone.ts`):
 *
 * - `simulator` (default): the built-in simulator, driven from the phone page;
 * - `portone`, `nice`: the real adapter with the contract's credentials — the dev routes stay
 *   off unless `IDV_DEV_ROUTES=1` (local testing against a fake run apart);
 * - `portone-fake`, `nice-fake`: the real adapter wired to the provider's fake, started here in
 *   the same process on a free loopback port, with made-up credentials. The dev routes stay on
 *   (sessions and captcha answers for tests), and the banner says so.
 */
import { envFlag, readPhoneEnv, realPhoneProvider, createNicePhoneProvider, createPortOnePhoneProvider, type Env, type VerifyAppOptions } from '../src/server/index.js';
import { startNiceFake } from '../test/fakes/nice.js';
import { startPortOneFake } from '../test/fakes/portone.js';

/** What the demo runs its phone check with. */
export interface PhoneSetup {
  /** Options for the verification API. */
  verify: Partial<VerifyAppOptions>;
  /** Fakes running in this process, by name → their URL (served to tests at `/dev/fakes`). */
  fakes: Record<string, string>;
  /** What the banner says about the phone check. */
  label: string;
  /** Stops what was started. */
  close(): Promise<void>;
}

/** Made-up credentials for the in-process fakes: nothing real ever goes near them. */
const FAKE_PORTONE = { secret: 'demo-portone-secret', storeId: 'store-demo', channelKey: 'channel-key-demo' };
const FAKE_NICE = { clientId: 'demo-nice-client', clientSecret: 'demo-nice-secret', productId: '2101979031' };

/** Sets up the phone provider `env` asks for. */
export async function setUpPhone(env: Env): Promise<PhoneSetup> {
  const config = readPhoneEnv(env);
  const devRoutes = envFlag(env, 'IDV_DEV_ROUTES');
  const none = async () => {};
  if (config.kind === 'simulator') return { verify: {}, fakes: {}, label: 'built-in simulator', close: none };

  const real = realPhoneProvider(config);
  if (real) {
    const name = config.kind === 'portone' ? 'PortOne' : 'NICE';
    return { verify: { phone: real, devRoutesWithRealProviders: devRoutes }, fakes: {}, label: `${name} (real adapter)`, close: none };
  }

  if (config.kind === 'portone-fake') {
    const fake = await startPortOneFake(FAKE_PORTONE);
    return {
      verify: { phone: createPortOnePhoneProvider({ ...FAKE_PORTONE, baseUrl: fake.url }), devRoutesWithRealProviders: true },
      fakes: { portone: fake.url },
      label: `PortOne FAKE (in this process) at ${fake.url}; its SMS inbox and PASS app: ${fake.url}/__fake/`,
      close: () => fake.close(),
    };
  }
  const fake = await startNiceFake(FAKE_NICE);
  return {
    verify: {
      phone: createNicePhoneProvider({ ...FAKE_NICE, apiUrl: fake.url, windowUrl: fake.windowUrl }),
      devRoutesWithRealProviders: true,
    },
    fakes: { nice: fake.url },
    label: `NICE FAKE (in this process) at ${fake.url}; its window opens from the gate`,
    close: () => fake.close(),
  };
}
