/**
 * The phone check's calls (docs/protocol.md): start, status (poll and server-sent events), "인증
 * 완료" for PASS app and QR, and the SMS code's verify, extend and resend. Every call needs the
 * learner's session; the transaction id in the path is useless without it (docs/security.md rule 21).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import {
  isCode,
  type EmptyRequest,
  type PhoneCompleteResponse,
  type PhoneStartRequest,
  type PhoneStatusResponse,
  type PhoneVerifyRequest,
  type TokenResponse,
} from '../../protocol/index.js';
import type { ClientIp } from '../http/client-ip.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject, parseOptionalJsonObject } from '../http/hygiene.js';
import { invalidInput, jsonResponse, refusalError } from '../http/responses.js';
import { createSharedPolls } from '../http/shared-polls.js';
import { eventStream } from '../http/sse.js';
import { kstDate, type VerificationPolicy } from '../policy/daily.js';
import type { PhoneApprovals } from '../policy/phone-approval.js';
import { readPhoneStart } from '../policy/phone-input.js';
import type { SmsCodes } from '../policy/phone-sms.js';
import type { PhoneStarter } from '../policy/phone-start.js';
import type { PhoneStreams } from '../policy/phone-streams.js';
import type { PhoneTx } from '../policy/phone-tx.js';
import type { PhoneProvider } from '../providers/phone/provider.js';
import type { Session } from '../sessions.js';
import type { TokenIssuer } from '../tokens.js';

/** How often the event stream looks at the transaction, in milliseconds. */
export const PHONE_EVENTS_POLL_MS = 500;
/** Quiet time after which the event stream sends a comment line, in milliseconds. */
export const PHONE_EVENTS_HEARTBEAT_MS = 15_000;
/** The stream outlives the request's life by this much at most, in case the clock stands still. */
const EVENTS_GRACE_MS = 30_000;

/** What the phone routes use. */
export interface PhoneRouteDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** The same, for POSTs that may come with no body at all (complete, extend, resend). */
  bodylessGuards: MiddlewareHandler<AppEnv>;
  /** Resolves the bearer session (GETs). */
  auth: MiddlewareHandler<AppEnv>;
  /** The provider, for the methods it offers. */
  provider: PhoneProvider;
  /** Starts checks. */
  starter: PhoneStarter;
  /** The SMS code's rules. */
  sms: SmsCodes;
  /** Status and completion of PASS app and QR checks. */
  approvals: PhoneApprovals;
  /** The per-session cap of open status streams. */
  streams: PhoneStreams;
  /** Signs result tokens. */
  tokens: TokenIssuer;
  /** Records successes for the `daily` rule. */
  policy: VerificationPolicy;
  /** The client's address, for the per-IP cap. */
  clientIp: ClientIp;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Aborts when the server drains: open event streams end with a retry hint. */
  shutdown: AbortSignal;
}

/**
 * The token for a successful phone check, recorded for the `daily` rule: its purpose is the
 * transaction's (`motp-unlock` included).
 */
export async function issuePhoneToken(
  deps: Pick<PhoneRouteDeps, 'tokens' | 'policy' | 'clock'>,
  session: Session,
  tx: Pick<PhoneTx, 'purpose' | 'method'>,
): Promise<TokenResponse> {
  const { subject, nonce } = session;
  const token = await deps.tokens.issue({ subject, nonce, purpose: tx.purpose, method: tx.method });
  await deps.policy.recordSuccess(subject, tx.purpose, deps.clock());
  return { token, method: tx.method, purpose: tx.purpose };
}

/** Registers the `/v1/phone/*` routes. */
export function registerPhone(app: Hono<AppEnv>, deps: PhoneRouteDeps): void {
  const { approvals, sms } = deps;
  /** One poll per transaction in this process, whatever the number of streams watching it. */
  const polls = createSharedPolls();
  const ipOf = (c: Context<AppEnv>) => deps.clientIp(c.req.raw, c.env as unknown);

  const tokenFor = (c: Context<AppEnv>, tx: PhoneTx) => issuePhoneToken(deps, c.get('session'), tx);

  app.post('/v1/phone/start', deps.guards, async (c) => {
    const body = parseJsonObject<PhoneStartRequest>(c.get('rawBody'));
    const fields = readPhoneStart(body, deps.provider.methods, kstDate(deps.clock()), (await c.get('session').personal()).phone);
    if ('ok' in fields) throw refusalError(fields);
    const started = await deps.starter.start(c.get('session'), fields, ipOf(c));
    if (!started.ok) throw refusalError(started);
    return jsonResponse(started.answer);
  });
  // Before `/:tx`, so that a GET on the start path is a 405, not a lookup of a transaction "start".
  app.all('/v1/phone/start', methodNotAllowed('POST'));

  app.get('/v1/phone/:tx', deps.auth, async (c) => {
    const status = await approvals.status(c.get('session'), c.req.param('tx'));
    if (!status.ok) throw refusalError(status);
    return jsonResponse(status.answer);
  });
  app.all('/v1/phone/:tx', methodNotAllowed('GET'));

  app.get('/v1/phone/:tx/events', deps.auth, async (c) => {
    const session = c.get('session');
    const id = c.req.param('tx');
    // Found without asking the provider: opening a stream costs no upstream call.
    const found = await approvals.find(session, id);
    if (!found.ok) throw refusalError(found);
    const slot = await deps.streams.open(session.handle);
    if (!slot.ok) throw refusalError(slot);
    return eventStream<PhoneStatusResponse>(c, {
      event: 'status',
      async read() {
        const now = await approvals.status(session, id);
        if (now.ok) return now.answer;
        // The record is gone (long expired): say so and end. A provider hiccup skips a round.
        return now.code === 'NOT_FOUND' ? { status: 'expired', expiresIn: 0 } : undefined;
      },
      isFinal: (value) => value.status !== 'pending',
      // A new event when the status changes; the countdown alone is not news (each event carries it).
      key: (value) => value.status,
      drain: deps.shutdown,
      pollMs: PHONE_EVENTS_POLL_MS,
      heartbeatMs: PHONE_EVENTS_HEARTBEAT_MS,
      maxMs: found.expiresIn * 1000 + EVENTS_GRACE_MS,
      // Every stream on this transaction (the learner's tabs, reconnects) shares one poll; a
      // transaction is the learner's own, and the route checked it is this session's.
      shared: { polls, key: id },
      onClose: () => void slot.release().catch(() => undefined),
    });
  });
  app.all('/v1/phone/:tx/events', methodNotAllowed('GET'));

  app.post('/v1/phone/:tx/complete', deps.bodylessGuards, async (c) => {
    parseOptionalJsonObject<EmptyRequest>(c.get('rawBody'));
    const outcome = await approvals.complete(c.get('session'), c.req.param('tx'));
    if (!outcome.ok) throw refusalError(outcome);
    const answer: PhoneCompleteResponse =
      outcome.status === 'approved'
        ? { status: 'approved', ...(await tokenFor(c, outcome.tx)) }
        : { status: outcome.status };
    return jsonResponse(answer);
  });
  app.all('/v1/phone/:tx/complete', methodNotAllowed('POST'));

  app.post('/v1/phone/:tx/verify', deps.guards, async (c) => {
    const body = parseJsonObject<PhoneVerifyRequest>(c.get('rawBody'));
    // Malformed input is refused before the attempt is charged (docs/security.md rule 16).
    if (!isCode(body.code)) throw invalidInput('code', 'The code must be exactly 6 digits');
    const outcome = await sms.verify(c.get('session'), c.req.param('tx'), body.code);
    if (!outcome.ok) throw refusalError(outcome);
    return jsonResponse(await tokenFor(c, outcome.tx));
  });
  app.all('/v1/phone/:tx/verify', methodNotAllowed('POST'));

  app.post('/v1/phone/:tx/extend', deps.bodylessGuards, async (c) => {
    parseOptionalJsonObject<EmptyRequest>(c.get('rawBody'));
    const outcome = await sms.extend(c.get('session'), c.req.param('tx'));
    if (!outcome.ok) throw refusalError(outcome);
    return jsonResponse(outcome.answer);
  });
  app.all('/v1/phone/:tx/extend', methodNotAllowed('POST'));

  app.post('/v1/phone/:tx/resend', deps.bodylessGuards, async (c) => {
    parseOptionalJsonObject<EmptyRequest>(c.get('rawBody'));
    const outcome = await sms.resend(c.get('session'), c.req.param('tx'), ipOf(c));
    if (!outcome.ok) throw refusalError(outcome);
    return jsonResponse(outcome.answer);
  });
  app.all('/v1/phone/:tx/resend', methodNotAllowed('POST'));
}
