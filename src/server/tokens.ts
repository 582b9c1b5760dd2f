/**
 * Result tokens: short-lived ES256 JWS the widget hands to the LMS page, and the LMS server
 * verifies. They carry who was verified, for what, how, and the session's nonce — nothing
 * personal (docs/security.md rule 23).
 */
import { SignJWT } from 'jose';
import { AMR_BY_METHOD, LIMITS, type Purpose, type ResultMethod } from '../protocol/index.js';
import type { KeyRing } from './keys.js';

/** The only claims a result token holds: docs/security.md rule 23's list plus `nbf` (docs/security.md rule 15). */
export const RESULT_TOKEN_CLAIMS = [
  'iss',
  'aud',
  'sub',
  'iat',
  'nbf',
  'exp',
  'jti',
  'nonce',
  'purpose',
  'method',
  'amr',
] as const;

/** Options of {@link createTokenIssuer}. */
export interface TokenIssuerOptions {
  /** `iss`: this server's public URL. */
  issuer: string;
  /** `aud`: the LMS the tokens are for. */
  audience: string;
  /** Where the signing key comes from. */
  keys: KeyRing;
  /** Epoch milliseconds. */
  clock: () => number;
}

/** What one token says. */
export interface TokenSubject {
  /** LMS subject id. */
  subject: string;
  /** Nonce of the session. */
  nonce: string;
  /** Why the check was run. */
  purpose: Purpose;
  /** How the learner was verified. */
  method: ResultMethod;
}

/** Signs result tokens. */
export interface TokenIssuer {
  /** A fresh signed token, valid for {@link LIMITS.tokenTtlSeconds} seconds. */
  issue(subject: TokenSubject): Promise<string>;
}

/** Creates a {@link TokenIssuer}. */
export function createTokenIssuer(options: TokenIssuerOptions): TokenIssuer {
  return {
    async issue({ subject, nonce, purpose, method }) {
      const key = await options.keys.current();
      const iat = Math.floor(options.clock() / 1000);
      return new SignJWT({ nonce, purpose, method, amr: [...AMR_BY_METHOD[method]] })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject(subject)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + LIMITS.tokenTtlSeconds)
        .setJti(globalThis.crypto.randomUUID())
        .sign(key.privateKey);
    },
  };
}
