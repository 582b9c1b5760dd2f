/**
 * Which mOTP provider the server runs, from the environment:
 *
 * - `IDV_MOTP` — `totp` (the default: the built-in TOTP provider), `hrdk` (HRD Korea's EMON
 *   API) or `hrdk-fake` (HRD Korea's API spoken by a local fake, for demos and tests);
 * - `IDV_HRDK_AGENT_ID` — the institution's agent id at HRD Korea (`AGTID`); required with
 *   `hrdk`;
 * - `IDV_HRDK_URL`, `IDV_HRDK_LOG_URL` — the API's base URL and the 대체인증 log's URL, with
 *   `hrdk` only (HRD Korea's own by default).
 *
 * Strict like every variable: an unknown value, a URL that does not parse, or an HRD Korea
 * variable beside a provider that would ignore it stops the start with an error naming it.
 */
import { EnvConfigError, type Env } from './env.js';
import { HRDK_DEFAULT_BASE_URL, HRDK_DEFAULT_LOG_URL } from './providers/motp/hrdk.js';

/** The values `IDV_MOTP` takes. */
export const MOTP_ENV_KINDS = ['totp', 'hrdk', 'hrdk-fake'] as const;

/** The agent id the fake is called with when `IDV_HRDK_AGENT_ID` is not set. */
export const FAKE_AGENT_ID = 'demo-agent';

/** The mOTP provider the environment asks for. */
export type MotpEnv =
  | { kind: 'totp' }
  | { kind: 'hrdk'; agentId: string; baseUrl: string; logUrl: string }
  | { kind: 'hrdk-fake'; agentId: string };

const AGENT_ID_PATTERN = /^[\x21-\x7e]{1,64}$/;

/** A set, non-blank variable's trimmed value, or `undefined`. */
const valueOf = (env: Env, name: string) => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/**
 * An `http(s)` URL variable, or its default when unset. The value is never repeated in an error:
 * it may carry a credential. A URL with one is refused (fetch() would refuse it on every call,
 * and the start banner prints the URL).
 */
function urlOf(env: Env, name: string, fallback: string): string {
  const value = valueOf(env, name) ?? fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new EnvConfigError(name, 'expected an absolute http(s) URL without credentials');
  }
  return url.href;
}

/** Reads `IDV_MOTP` and the HRD Korea variables; throws {@link EnvConfigError} naming the first bad one. */
export function readMotpEnv(env: Env): MotpEnv {
  const asked = valueOf(env, 'IDV_MOTP') ?? 'totp';
  const kind = MOTP_ENV_KINDS.find((known) => known === asked);
  if (!kind) throw new EnvConfigError('IDV_MOTP', `expected one of ${MOTP_ENV_KINDS.join(', ')}, got ${JSON.stringify(env.IDV_MOTP)}`);
  const urls = ['IDV_HRDK_URL', 'IDV_HRDK_LOG_URL'];
  const ignored = kind === 'hrdk' ? [] : kind === 'hrdk-fake' ? urls : ['IDV_HRDK_AGENT_ID', ...urls];
  const stray = ignored.find((name) => valueOf(env, name) !== undefined);
  if (stray) {
    const why = kind === 'hrdk-fake' ? 'the fake listens on an address of its own' : 'it is read only with IDV_MOTP=hrdk or hrdk-fake';
    throw new EnvConfigError(stray, `set beside IDV_MOTP=${kind}, which ignores it (${why})`);
  }
  if (kind === 'totp') return { kind };

  const agentId = valueOf(env, 'IDV_HRDK_AGENT_ID') ?? (kind === 'hrdk-fake' ? FAKE_AGENT_ID : undefined);
  if (agentId === undefined) throw new EnvConfigError('IDV_HRDK_AGENT_ID', 'required with IDV_MOTP=hrdk: the agent id HRD Korea issued (AGTID)');
  if (!AGENT_ID_PATTERN.test(agentId)) throw new EnvConfigError('IDV_HRDK_AGENT_ID', 'expected visible ASCII without spaces, at most 64 characters');
  if (kind === 'hrdk-fake') return { kind, agentId };
  return {
    kind,
    agentId,
    baseUrl: urlOf(env, 'IDV_HRDK_URL', HRDK_DEFAULT_BASE_URL),
    logUrl: urlOf(env, 'IDV_HRDK_LOG_URL', HRDK_DEFAULT_LOG_URL),
  };
}
