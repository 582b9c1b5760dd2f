/**
 * `verifyResultToken()`: what an LMS server runs on the token the widget hands its page.
 * It stands alone (jose and the protocol types only), so an LMS can use it without the rest
 * of the server. Only ES256 is accepted, so `alg: none` and algorithm confusion are refused
 * before any key is looked at; a token is good once (its `jti` is claimed last, so a forged or
 * stale token never burns a real one).
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AMR_BY_METHOD, LIMITS, PURPOSES, type ResultMethod, type ResultTokenClaims } from '../protocol/index.js';

/** Why a token was refused. */
export const TOKEN_ERROR_REASONS = [
  'MALFORMED',
  'BAD_ALGORITHM',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'BAD_ISSUER',
  'BAD_AUDIENCE',
  'BAD_NONCE',
  'EXPIRED',
  'NOT_YET_VALID',
  'REPLAYED',
  'JWKS_UNAVAILABLE',
] as const;
/** Why a token was refused. */
export type TokenErrorReason = (typeof TOKEN_ERROR_REASONS)[number];

/** Thrown by {@link verifyResultToken}; `reason` says why, the message is for logs. */
export class TokenVerificationError extends Error {
  /** Why the token was refused. */
  readonly reason: TokenErrorReason;

  constructor(reason: TokenErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenVerificationError';
    this.reason = reason;
  }
}

/** Remembers used token ids; a shared one (e.g. Redis `SET NX PX`) when the LMS runs on many machines. */
export interface ReplayGuard {
  /** True the first time `jti` is claimed; `expiresAt` (epoch ms) is when it may be forgotten. */
  claim(jti: string, expiresAt: number): Promise<boolean>;
}

/** Options of {@link verifyResultToken}. */
export interface VerifyResultTokenOptions {
  /** The verification server's JWKS, or its URL (`…/.well-known/jwks.json`, fetched and cached). */
  jwks: JSONWebKeySet | URL;
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud`: this LMS. */
  audience: string;
  /** The nonce of the session the LMS minted for this learner. */
  nonce: string;
  /** Refuses a second use of a token. */
  replay: ReplayGuard;
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Allowed clock skew in seconds, 0–5 (default 5). */
  clockToleranceSeconds?: number;
}

const remoteSets = new Map<string, JWTVerifyGetKey>();

function keySet(jwks: JSONWebKeySet | URL): JWTVerifyGetKey {
  if (!(jwks instanceof URL)) return createLocalJWKSet(jwks);
  // One remote set per URL, so its key cache and cooldown survive across calls.
  let set = remoteSets.get(jwks.href);
  if (!set) remoteSets.set(jwks.href, (set = createRemoteJWKSet(jwks)));
  return set;
}

function reasonOf(error: unknown, remote: boolean): TokenErrorReason {
  const code = (error as { code?: unknown } | null)?.code;
  const claim = (error as { claim?: unknown } | null)?.claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'EXPIRED';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'BAD_ALGORITHM';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'BAD_SIGNATURE';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'UNKNOWN_KEY';
    case 'ERR_JWKS_TIMEOUT':
      return 'JWKS_UNAVAILABLE';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'aud') return 'BAD_AUDIENCE';
      if (claim === 'iss') return 'BAD_ISSUER';
      if (claim === 'nbf' || claim === 'iat') return 'NOT_YET_VALID';
      return 'MALFORMED';
    default:
      // A remote JWKS that cannot be fetched surfaces as a plain error without a jose code.
      return remote && typeof code !== 'string' ? 'JWKS_UNAVAILABLE' : 'MALFORMED';
  }
}

const isMethod = (value: unknown): value is ResultMethod =>
  typeof value === 'string' && Object.hasOwn(AMR_BY_METHOD, value);

/** Checks the claims jose does not know about; returns them typed, without `nbf`. */
function toClaims(payload: JWTPayload): ResultTokenClaims {
  const { iss, aud, sub, iat, exp, jti, nonce, purpose, method, amr } = payload as Record<string, unknown>;
  const ok =
    typeof iss === 'string' &&
    typeof aud === 'string' &&
    typeof sub === 'string' &&
    sub.length > 0 &&
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    exp - iat <= LIMITS.tokenTtlSeconds &&
    typeof jti === 'string' &&
    jti.length > 0 &&
    typeof nonce === 'string' &&
    (PURPOSES as readonly unknown[]).includes(purpose) &&
    isMethod(method) &&
    Array.isArray(amr) &&
    amr.every((entry) => typeof entry === 'string');
  if (!ok) throw new TokenVerificationError('MALFORMED', 'Token claims are missing, mistyped or too long-lived');
  return { iss, aud, sub, iat, exp, jti, nonce, purpose, method, amr } as ResultTokenClaims;
}

/**
 * Verifies a result token for this LMS: signature (ES256, key from the JWKS), issuer,
 * audience, time (`nbf`, `exp`, lifetime ≤ 120 s), the session's nonce, and single use.
 * Resolves with the claims; rejects with {@link TokenVerificationError}.
 */
export async function verifyResultToken(token: string, options: VerifyResultTokenOptions): Promise<ResultTokenClaims> {
  const clock = options.clock ?? Date.now;
  const tolerance = Math.min(Math.max(options.clockToleranceSeconds ?? 5, 0), 5);
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
    throw new TokenVerificationError('MALFORMED', 'Not a token');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySet(options.jwks), {
      algorithms: ['ES256'],
      issuer: options.issuer,
      audience: options.audience,
      currentDate: new Date(clock()),
      clockTolerance: tolerance,
      maxTokenAge: LIMITS.tokenTtlSeconds,
      requiredClaims: ['sub', 'iat', 'exp', 'jti', 'nonce', 'purpose', 'method', 'amr'],
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Invalid token';
    throw new TokenVerificationError(reasonOf(error, options.jwks instanceof URL), message, { cause: error });
  }
  const claims = toClaims(payload);
  if (claims.nonce !== options.nonce) throw new TokenVerificationError('BAD_NONCE', 'Token is for another session');
  if (!(await options.replay.claim(claims.jti, (claims.exp + tolerance) * 1000))) {
    throw new TokenVerificationError('REPLAYED', 'Token was already used');
  }
  return claims;
}

/** Options of {@link createMemoryReplayGuard}. */
export interface MemoryReplayGuardOptions {
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
}

/** A {@link ReplayGuard} for one LMS process; forgets ids once their token has expired. */
export function createMemoryReplayGuard(options: MemoryReplayGuardOptions = {}): ReplayGuard {
  const clock = options.clock ?? Date.now;
  const seen = new Map<string, number>();
  return {
    async claim(jti, expiresAt) {
      const now = clock();
      // Sweeping on claim keeps the map as small as the tokens still alive.
      for (const [id, until] of seen) if (until <= now) seen.delete(id);
      if (seen.has(jti)) return false;
      seen.set(jti, expiresAt);
      return true;
    },
  };
}
