/**
 * `/v1/dev/*`: simulator-only calls that drive the demo's phone simulator and end-to-end tests.
 * They are registered only when the simulator is on; otherwise the paths do not exist (404).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import {
  normalizeKoreanMobile,
  type CourseContext,
  type DevMotpEnrollRequest,
  type DevMotpEnrollResponse,
  type DevSessionRequest,
  type DevSessionResponse,
  type Unchecked,
  type Purpose,
} from '../../protocol/index.js';
import { DEMO_LEARNER } from '../demo-learner.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject } from '../http/hygiene.js';
import { invalidInput, jsonResponse } from '../http/responses.js';
import type { TotpProvider } from '../providers/motp/totp.js';
import { SessionInputError, type SessionRegistry } from '../sessions.js';
import { registerDevPhone, type DevPhoneDeps } from './dev-phone.js';

// Kept importable from here, where the dev routes first defined it.
export { DEMO_LEARNER };

/** What the simulator routes use. */
export interface DevDeps {
  /** Content type, body and idempotency guards (no session: these calls mint one). */
  guards: MiddlewareHandler<AppEnv>;
  /** Mints sessions. */
  sessions: SessionRegistry;
  /** Who hands out mOTP secrets: the enrolling mOTP provider, or a fake of the upstream's app. */
  enroller: Pick<TotpProvider, 'enroll'> | null;
  /** The captcha answers and the simulated phones (see `dev-phone.ts`). */
  phone: Omit<DevPhoneDeps, 'guards'>;
}

/** A string field, the default when absent, or 400 naming it. */
function text(body: Unchecked<DevSessionRequest>, field: keyof typeof DEMO_LEARNER): string {
  const value = body[field];
  if (value === undefined) return DEMO_LEARNER[field];
  if (typeof value !== 'string') throw invalidInput(field, `${field} must be a string`);
  return value;
}

/** Registers the simulator routes. */
export function registerDev(app: Hono<AppEnv>, deps: DevDeps): void {
  app.post('/v1/dev/session', deps.guards, async (c) => {
    const body = parseJsonObject<DevSessionRequest>(c.get('rawBody'));
    try {
      const minted: DevSessionResponse = await deps.sessions.create({
        subject: text(body, 'subject'),
        name: text(body, 'name'),
        phone: text(body, 'phone'),
        birth: text(body, 'birth'),
        purpose: text(body, 'purpose') as Purpose,
        // Checked field by field when the session is minted.
        ...(body.course === undefined ? {} : { course: body.course as CourseContext }),
      });
      return jsonResponse(minted);
    } catch (error) {
      if (error instanceof SessionInputError) throw invalidInput(error.field, `Invalid ${error.field}`);
      throw error;
    }
  });
  app.all('/v1/dev/session', methodNotAllowed('POST'));

  registerDevPhone(app, { guards: deps.guards, ...deps.phone });

  const { enroller } = deps;
  if (!enroller) return;
  app.post('/v1/dev/motp/enroll', deps.guards, async (c) => {
    const body = parseJsonObject<DevMotpEnrollRequest>(c.get('rawBody'));
    const phone = normalizeKoreanMobile(body.phone);
    if (!phone) throw invalidInput('phone', 'The phone must be a Korean mobile number');
    const answer: DevMotpEnrollResponse = { otpauth: await enroller.enroll(phone) };
    return jsonResponse(answer);
  });
  app.all('/v1/dev/motp/enroll', methodNotAllowed('POST'));
}
