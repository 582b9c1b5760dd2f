/**
 * The phone simulator's `/v1/dev/*` calls (docs/protocol.md), registered only with the simulator on:
 * read a captcha's answer, read a phone's SMS inbox, see and answer PASS app requests, and type
 * the PC's QR number into PASS.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import {
  normalizeKoreanMobile,
  type DevCaptchaResponse,
  type DevInboxResponse,
  type DevPassPendingResponse,
  type DevPhoneRequest,
  type DevQrRequest,
  type EmptyRequest,
  type Unchecked,
} from '../../protocol/index.js';
import type { CaptchaService } from '../captcha/index.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject, parseOptionalJsonObject } from '../http/hygiene.js';
import { HttpError, invalidInput, jsonResponse } from '../http/responses.js';
import type { SimulatorPhoneProvider } from '../providers/phone/simulator.js';

/** What the simulator's phone routes use. */
export interface DevPhoneDeps {
  /** Content type, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** The same, for calls that may come with no body (approve, deny). */
  bodylessGuards: MiddlewareHandler<AppEnv>;
  /** The captcha service, for its answers. */
  captcha: Pick<CaptchaService, 'answerOf'>;
  /** The simulated carrier and phones, when the phone provider is the simulator. */
  simulator: SimulatorPhoneProvider | null;
}

/** The canonical phone of a body's `phone` field, or 400. */
function phoneOf(body: Unchecked<DevPhoneRequest>): string {
  const phone = normalizeKoreanMobile(body.phone);
  if (!phone) throw invalidInput('phone', 'The phone must be a Korean mobile number');
  return phone;
}

const ok = () => jsonResponse({ ok: true });
const none = (what: string) => new HttpError('NOT_FOUND', `No pending ${what}`);

/** Registers the simulator's captcha and phone routes. */
export function registerDevPhone(app: Hono<AppEnv>, deps: DevPhoneDeps): void {
  app.post('/v1/dev/captcha/:id', deps.bodylessGuards, async (c) => {
    parseOptionalJsonObject<EmptyRequest>(c.get('rawBody'));
    const answer = await deps.captcha.answerOf(c.req.param('id'));
    if (answer === null) throw new HttpError('NOT_FOUND', 'No such captcha, or it expired');
    return jsonResponse({ answer } satisfies DevCaptchaResponse);
  });
  app.all('/v1/dev/captcha/:id', methodNotAllowed('POST'));

  const { simulator } = deps;
  if (!simulator) return;

  app.post('/v1/dev/inbox', deps.guards, async (c) => {
    const phone = phoneOf(parseJsonObject<DevPhoneRequest>(c.get('rawBody')));
    return jsonResponse({ messages: await simulator.inbox(phone) } satisfies DevInboxResponse);
  });
  app.all('/v1/dev/inbox', methodNotAllowed('POST'));

  app.post('/v1/dev/pass/pending', deps.guards, async (c) => {
    const phone = phoneOf(parseJsonObject<DevPhoneRequest>(c.get('rawBody')));
    return jsonResponse({ requests: await simulator.pending(phone) } satisfies DevPassPendingResponse);
  });
  app.all('/v1/dev/pass/pending', methodNotAllowed('POST'));

  for (const [action, settle] of [
    ['approve', (tx: string) => simulator.approve(tx)],
    ['deny', (tx: string) => simulator.deny(tx)],
  ] as const) {
    app.post(`/v1/dev/pass/:tx/${action}`, deps.bodylessGuards, async (c) => {
      parseOptionalJsonObject<EmptyRequest>(c.get('rawBody'));
      if (!(await settle(c.req.param('tx')))) throw none('PASS app request');
      return ok();
    });
    app.all(`/v1/dev/pass/:tx/${action}`, methodNotAllowed('POST'));
  }

  app.post('/v1/dev/qr', deps.guards, async (c) => {
    const body = parseJsonObject<DevQrRequest>(c.get('rawBody'));
    const phone = phoneOf(body);
    if (typeof body.number !== 'string' || !/^[0-9]{6}$/.test(body.number)) {
      throw invalidInput('number', 'The number must be the 6 digits shown on the PC');
    }
    if (!(await simulator.approveQr(phone, body.number))) throw none('QR request with this number');
    return ok();
  });
  app.all('/v1/dev/qr', methodNotAllowed('POST'));
}
