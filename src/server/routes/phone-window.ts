/**
 * The window check's calls (method `window`, the provider's own window):
 *
 * - `POST /v1/phone/window/start` (session) → `{ tx, expiresIn, window }`;
 * - `GET  /v1/phone/window/{tx}` (`?mode=redirect` for the same-window fallback): the page
 *   that posts the provider's form — a browser navigation, so no session: the random id is all
 *   it needs, and what it opens answers only to this check;
 * - `POST /v1/phone/window/{tx}/return`: where the provider posts the result (a form post from
 *   its window); answers the page that hands the gate a one-time reference;
 * - `POST /v1/phone/window/{tx}/complete` (session) `{ ref }` → the token, as
 *   `/v1/phone/{tx}/complete` answers it;
 * - `GET  /v1/phone/window/page.js`: the pages' one script.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import {
  PURPOSES,
  type PhoneCompleteResponse,
  type PhoneWindowCompleteRequest,
  type PhoneWindowStartRequest,
  type Purpose,
} from '../../protocol/index.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject } from '../http/hygiene.js';
import { invalidInput, jsonResponse, refusalError } from '../http/responses.js';
import type { VerificationPolicy } from '../policy/daily.js';
import type { PhoneWindows } from '../policy/phone-window.js';
import type { Refusal } from '../policy/refusal.js';
import type { TokenIssuer } from '../tokens.js';
import { issuePhoneToken } from './phone.js';
import { launchPage, refusalPage, resultPage, WINDOW_PAGE_SCRIPT, windowPageCsp } from './phone-window-pages.js';

/** What the window routes use. */
export interface PhoneWindowRouteDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** The window check. */
  windows: PhoneWindows;
  /** The base path the API is mounted under (for the pages' script URL). */
  basePath: string;
  /** Signs result tokens. */
  tokens: TokenIssuer;
  /** Records successes for the `daily` rule. */
  policy: VerificationPolicy;
  /** Epoch milliseconds. */
  clock: () => number;
}

/** Largest result post read, in bytes (NICE's result is a few kilobytes at most). */
const MAX_RETURN_BYTES = 16_384;

/** What the learner reads on a window page that cannot go on. */
const REFUSAL_TEXT: Partial<Record<Refusal['code'], string>> = {
  NOT_FOUND: '본인확인 요청을 찾을 수 없습니다.',
  EXPIRED: '본인확인 요청의 유효시간(10분)이 지났습니다.',
  ALREADY_USED: '이미 처리된 본인확인 요청입니다.',
  INVALID_INPUT: '본인확인 결과를 확인할 수 없습니다.',
  UPSTREAM_UNAVAILABLE: '본인확인 서비스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  RATE_LIMITED: '본인확인 요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
};

/** An HTML answer with the window pages' CSP. */
function htmlResponse(body: string, status: number, formAction = "'none'", headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': windowPageCsp(formAction),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

/** Status of a refusal shown as a page (the codes' usual statuses). */
const pageStatus = (refusal: Refusal) => refusalError(refusal).status;

/** Reads a form post of bounded size; `undefined` when it is not one. */
async function readForm(c: Context<AppEnv>): Promise<Record<string, string> | undefined> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  const stream = c.req.raw.body;
  if (!stream) return {};
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RETURN_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.byteLength), 0);
  const text = new TextDecoder().decode(bytes);
  return Object.fromEntries(new URLSearchParams(text));
}

/** Registers the window check's routes. */
export function registerPhoneWindow(app: Hono<AppEnv>, deps: PhoneWindowRouteDeps): void {
  const { windows } = deps;
  const scriptUrl = `${deps.basePath}/v1/phone/window/page.js`;
  const refusalHtml = (refusal: Refusal) =>
    htmlResponse(refusalPage(REFUSAL_TEXT[refusal.code] ?? REFUSAL_TEXT.INVALID_INPUT!, scriptUrl), pageStatus(refusal), "'none'",
      refusal.retryAfter !== undefined ? { 'Retry-After': String(refusal.retryAfter) } : {});

  app.get('/v1/phone/window/page.js', () =>
    new Response(WINDOW_PAGE_SCRIPT, {
      headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    }),
  );
  app.all('/v1/phone/window/page.js', methodNotAllowed('GET'));

  app.post('/v1/phone/window/start', deps.guards, async (c) => {
    const body = parseJsonObject<PhoneWindowStartRequest>(c.get('rawBody'));
    if (body.consent !== true) throw refusalError({ code: 'CONSENT_REQUIRED', message: 'Consent is required', field: 'consent' });
    if (body.purpose !== undefined && !(PURPOSES as readonly unknown[]).includes(body.purpose)) throw invalidInput('purpose', 'Unknown purpose');
    if (body.returnTo !== undefined && typeof body.returnTo !== 'string') throw invalidInput('returnTo', 'returnTo must be a URL');
    const started = await windows.start(c.get('session'), {
      ...(body.purpose !== undefined ? { purpose: body.purpose as Purpose } : {}),
      ...(body.returnTo !== undefined ? { returnTo: body.returnTo as string } : {}),
      origin: c.req.header('Origin'),
      request: c.req.raw,
    });
    if (!started.ok) throw refusalError(started);
    return jsonResponse(started.answer);
  });
  app.all('/v1/phone/window/start', methodNotAllowed('POST'));

  app.get('/v1/phone/window/:tx', async (c) => {
    const mode = c.req.query('mode') === 'redirect' ? 'redirect' : 'popup';
    const id = c.req.param('tx');
    const launched = await windows.launch(id, mode);
    if (launched.ok) {
      return htmlResponse(launchPage(launched.launch, scriptUrl), 200, new URL(launched.launch.action).origin);
    }
    if (launched.handover) {
      // The provider could not be reached: tell the gate, which offers a retry.
      const page = resultPage(launched.handover, scriptUrl);
      return htmlResponse(page, pageStatus(launched), "'none'", { 'Retry-After': String(launched.retryAfter ?? 2) });
    }
    return refusalHtml(launched);
  });
  app.all('/v1/phone/window/:tx', methodNotAllowed('GET'));

  app.post('/v1/phone/window/:tx/return', async (c) => {
    const posted = await readForm(c);
    if (!posted) return refusalHtml({ ok: false, code: 'INVALID_INPUT', message: 'Not a result post' });
    const received = await windows.receive(c.req.param('tx'), posted);
    if (!received.ok) return refusalHtml(received);
    return htmlResponse(resultPage(received.handover, scriptUrl), 200);
  });
  app.all('/v1/phone/window/:tx/return', methodNotAllowed('POST'));

  app.post('/v1/phone/window/:tx/complete', deps.guards, async (c) => {
    const body = parseJsonObject<PhoneWindowCompleteRequest>(c.get('rawBody'));
    if (typeof body.ref !== 'string') throw invalidInput('ref', 'The reference is required');
    const session = c.get('session');
    const outcome = await windows.complete(session, c.req.param('tx'), body.ref);
    if (!outcome.ok) throw refusalError(outcome);
    const answer: PhoneCompleteResponse =
      outcome.status === 'approved'
        ? { status: 'approved', ...(await issuePhoneToken(deps, session, { purpose: outcome.purpose, method: 'window' })) }
        : { status: outcome.status };
    return jsonResponse(answer);
  });
  app.all('/v1/phone/window/:tx/complete', methodNotAllowed('POST'));
}
