/**
 * Which phone provider the server runs, read from the environment (`npm start`, the server
 * bin), strictly: an unknown provider, a missing credential, a URL that is not one, or a
 * provider's variable set while another provider is chosen stops the start with an
 * {@link EnvConfigError} naming the variable.
 *
 * | `IDV_PHONE` | provider | variables |
 * |---|---|---|
 * | `simulator` (default) | the built-in simulator | — |
 * | `portone` | PortOne V2, API mode | `IDV_PORTONE_SECRET`, `IDV_PORTONE_STORE_ID`, `IDV_PORTONE_CHANNEL_KEY`, `IDV_PORTONE_URL` (default PortOne's) |
 * | `nice` | NICE standard window | `IDV_NICE_CLIENT_ID`, `IDV_NICE_CLIENT_SECRET`, `IDV_NICE_PRODUCT_ID`, `IDV_NICE_API_URL`, `IDV_NICE_WINDOW_URL` (defaults NICE's) |
 * | `portone-fake`, `nice-fake` | the real adapter wired to a local fake the demo starts | — |
 */
import { EnvConfigError, type Env } from './env.js';
import { createNicePhoneProvider, NICE_API_URL, NICE_WINDOW_URL, type NicePhoneProviderOptions } from './providers/phone/nice/index.js';
import { createPortOnePhoneProvider, PORTONE_API_URL, type PortOnePhoneProviderOptions } from './providers/phone/portone.js';
import type { PhoneProvider } from './providers/phone/provider.js';
import type { PhoneWindowProvider } from './providers/phone/window.js';

/** The values `IDV_PHONE` takes. */
export const PHONE_PROVIDER_KINDS = ['simulator', 'portone', 'portone-fake', 'nice', 'nice-fake'] as const;
/** A value of `IDV_PHONE`. */
export type PhoneProviderKind = (typeof PHONE_PROVIDER_KINDS)[number];

/** The phone provider the environment asks for. */
export type PhoneEnvConfig =
  | { kind: 'simulator' | 'portone-fake' | 'nice-fake' }
  | { kind: 'portone'; portone: Required<Pick<PortOnePhoneProviderOptions, 'secret' | 'storeId' | 'channelKey' | 'baseUrl'>> }
  | { kind: 'nice'; nice: Required<Pick<NicePhoneProviderOptions, 'clientId' | 'clientSecret' | 'productId' | 'apiUrl' | 'windowUrl'>> };

const PORTONE_VARIABLES = ['IDV_PORTONE_URL', 'IDV_PORTONE_SECRET', 'IDV_PORTONE_STORE_ID', 'IDV_PORTONE_CHANNEL_KEY'] as const;
const NICE_VARIABLES = ['IDV_NICE_API_URL', 'IDV_NICE_WINDOW_URL', 'IDV_NICE_CLIENT_ID', 'IDV_NICE_CLIENT_SECRET', 'IDV_NICE_PRODUCT_ID'] as const;

const present = (env: Env, name: string) => (env[name] ?? '').trim() !== '';

/** A required variable: non-empty, no surrounding spaces, printable. */
function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new EnvConfigError(name, 'required for this phone provider, and not set');
  if (value !== value.trim() || /\s/.test(value) || [...value].some((ch) => ch.charCodeAt(0) < 0x20)) throw new EnvConfigError(name, 'must not contain spaces or control characters');
  return value;
}

/** An optional absolute http(s) URL, `fallback` when unset; the value is never echoed (it may carry a credential). */
function urlVariable(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password) return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new EnvConfigError(name, 'expected an absolute http(s) URL without credentials');
}

/** Reads `IDV_PHONE` and the chosen provider's variables. */
export function readPhoneEnv(env: Env): PhoneEnvConfig {
  const raw = (env.IDV_PHONE ?? '').trim();
  const kind = (raw === '' ? 'simulator' : raw) as PhoneProviderKind;
  if (!(PHONE_PROVIDER_KINDS as readonly string[]).includes(kind)) {
    throw new EnvConfigError('IDV_PHONE', `expected one of ${PHONE_PROVIDER_KINDS.join(', ')}, got ${JSON.stringify(env.IDV_PHONE)}`);
  }
  // A provider's settings beside another provider are a mistake (a typo in IDV_PHONE, a stale file).
  for (const [owner, names] of [['portone', PORTONE_VARIABLES], ['nice', NICE_VARIABLES]] as const) {
    const stray = names.find((name) => present(env, name));
    if (stray && kind !== owner) throw new EnvConfigError(stray, `set, but IDV_PHONE is ${kind}, not ${owner}`);
  }
  if (kind === 'portone') {
    return {
      kind,
      portone: {
        baseUrl: urlVariable(env, 'IDV_PORTONE_URL', PORTONE_API_URL),
        secret: required(env, 'IDV_PORTONE_SECRET'),
        storeId: required(env, 'IDV_PORTONE_STORE_ID'),
        channelKey: required(env, 'IDV_PORTONE_CHANNEL_KEY'),
      },
    };
  }
  if (kind === 'nice') {
    return {
      kind,
      nice: {
        apiUrl: urlVariable(env, 'IDV_NICE_API_URL', NICE_API_URL),
        windowUrl: urlVariable(env, 'IDV_NICE_WINDOW_URL', NICE_WINDOW_URL),
        clientId: required(env, 'IDV_NICE_CLIENT_ID'),
        clientSecret: required(env, 'IDV_NICE_CLIENT_SECRET'),
        productId: required(env, 'IDV_NICE_PRODUCT_ID'),
      },
    };
  }
  return { kind };
}

/** The provider for a real contract (`portone`, `nice`); `undefined` for the others. */
export function realPhoneProvider(config: PhoneEnvConfig): PhoneProvider | PhoneWindowProvider | undefined {
  if (config.kind === 'portone') return createPortOnePhoneProvider(config.portone);
  if (config.kind === 'nice') return createNicePhoneProvider(config.nice);
  return undefined;
}
