/**
 * Whether the `/v1/dev/*` simulator calls may be on. They mint a session for anyone, reveal
 * captcha answers and enrolled mOTP secrets, and drive the simulated phones, so they need the
 * boolean `true` (an env string such as `'false'` is refused, not read as "on"), and beside a
 * provider that reaches an outside service they need a second, explicit `true`.
 */
import type { MotpProvider } from './providers/motp/provider.js';
import type { TotpProvider } from './providers/motp/totp.js';
import type { PhoneProvider } from './providers/phone/provider.js';
import type { SimulatorPhoneProvider } from './providers/phone/simulator.js';
import type { PhoneWindowProvider } from './providers/phone/window.js';

/** A `createVerifyApp` option that cannot work as given; `option` names it. */
export class VerifyAppConfigError extends TypeError {
  /** The option at fault. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = 'VerifyAppConfigError';
    this.option = option;
  }
}

/** True for an mOTP provider that can enrol phones (the TOTP provider), which the simulator drives. */
export const canEnroll = (provider: MotpProvider | null): provider is MotpProvider & Pick<TotpProvider, 'enroll'> =>
  provider !== null && typeof (provider as Partial<TotpProvider>).enroll === 'function';

/** True for the simulator (or anything offering its phone controls), which the dev routes drive. */
export const isSimulator = (provider: PhoneProvider | PhoneWindowProvider | null): provider is SimulatorPhoneProvider =>
  provider !== null &&
  (['register', 'inbox', 'pending', 'approve', 'deny', 'approveQr'] as const).every(
    (name) => typeof (provider as Partial<SimulatorPhoneProvider>)[name] === 'function',
  );

/** An optional boolean option: `undefined` → false, a boolean as is, anything else refused. */
export function booleanOption(option: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new VerifyAppConfigError(option, `${option} must be true or false, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** What decides the dev routes. */
export interface DevRoutesInput {
  /** The `simulator` option as given. */
  simulator: unknown;
  /** The `devRoutesWithRealProviders` option as given. */
  devRoutesWithRealProviders: unknown;
  /** The configured mOTP provider. */
  motp: MotpProvider | null;
  /** The configured phone provider. */
  phone: PhoneProvider | PhoneWindowProvider | null;
}

/** True when the dev routes are on; throws {@link VerifyAppConfigError} for an unsafe setting. */
export function devRoutesEnabled(input: DevRoutesInput): boolean {
  const on = booleanOption('simulator', input.simulator);
  const besideReal = booleanOption('devRoutesWithRealProviders', input.devRoutesWithRealProviders);
  if (!on) return false;
  const real = [
    input.phone !== null && !isSimulator(input.phone) ? 'phone' : undefined,
    input.motp !== null && !canEnroll(input.motp) ? 'mOTP' : undefined,
  ].filter((kind) => kind !== undefined);
  if (real.length > 0 && !besideReal) {
    throw new VerifyAppConfigError(
      'simulator',
      `simulator: true would open the /v1/dev/* calls beside a real ${real.join(' and ')} provider. ` +
        'They mint sessions for anyone; set devRoutesWithRealProviders: true only to test against a fake.',
    );
  }
  return true;
}
