/** The Hono environment of the app: what middlewares hand to the handlers. */
import type { Session } from '../sessions.js';

/** Per-request values set by the middlewares. */
export interface AppEnv {
  Variables: {
    /** The learner's session (routes behind `requireSession`). */
    session: Session;
    /** The bearer as sent (routes behind `requireSession`); only ever used as sealing material. */
    bearer: string;
    /** The request body as text, at most `LIMITS.maxBodyBytes` bytes (routes behind `readBody`). */
    rawBody: string;
  };
}
