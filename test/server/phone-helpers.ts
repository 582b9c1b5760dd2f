/** Shared steps of the phone-check tests: captcha, start, the simulated phone's inbox and PASS app. */
import { call, PHONE, type Answer, type CallInit, type Rig } from './helpers.js';

/** The demo learner's name and birth (as the LMS registered them in `rig().session()`). */
export const NAME = '홍길동';
/** `YYMMDD-D` of the demo learner. */
export const BIRTH = '900101-1';
/** Thirty seconds and a bit: the gap between two sends to one phone. */
export const GAP_MS = 30_000;

/** A fresh captcha and its answer (read through the simulator's dev call). */
export async function captcha(r: Rig, bearer: string): Promise<{ id: string; answer: string }> {
  const issued = await call(r.app, 'POST', '/v1/captcha', { bearer, body: {} });
  if (issued.status !== 200) throw new Error(`captcha: ${issued.status} ${issued.text}`);
  const id: string = issued.body.id;
  const answer = await call(r.app, 'POST', `/v1/dev/captcha/${id}`, { body: {} });
  return { id, answer: answer.body.answer };
}

/** A start body for the demo learner; `overrides` replace fields (an `undefined` value drops one). */
export function startBody(solved: { id: string; answer: string }, overrides: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = {
    carrier: 'SKT',
    method: 'sms',
    name: NAME,
    phone: PHONE,
    birth: BIRTH,
    consent: true,
    captcha: solved,
    ...overrides,
  };
  if (body.method !== 'sms' && !('birth' in overrides)) delete body.birth;
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** `POST /v1/phone/start` with a freshly solved captcha. */
export async function start(
  r: Rig,
  bearer: string,
  overrides: Record<string, unknown> = {},
  init: CallInit = {},
): Promise<Answer> {
  const body = startBody(await captcha(r, bearer), overrides);
  return call(r.app, 'POST', '/v1/phone/start', { bearer, body, ...init });
}

/** Starts an SMS check that must succeed; the transaction id. */
export async function startSms(r: Rig, bearer: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const answer = await start(r, bearer, overrides);
  if (answer.status !== 200) throw new Error(`start: ${answer.status} ${answer.text}`);
  return answer.body.tx;
}

/** The phone's SMS inbox. */
export async function inbox(r: Rig, phone = PHONE): Promise<Array<{ text: string; at: number }>> {
  return (await call(r.app, 'POST', '/v1/dev/inbox', { body: { phone } })).body.messages;
}

/** The code in the phone's newest SMS. */
export async function latestCode(r: Rig, phone = PHONE): Promise<string> {
  const messages = await inbox(r, phone);
  const match = /인증번호 \[(\d{6})\]/.exec(messages.at(-1)?.text ?? '');
  if (!match) throw new Error('no code in the inbox');
  return match[1]!;
}

/** A well-formed code other than `right`. */
export const wrongOf = (right: string) => String((Number(right) + 1) % 1_000_000).padStart(6, '0');

/** `POST /v1/phone/{tx}/{action}` with a JSON body (or none). */
export function phonePost(r: Rig, bearer: string, tx: string, action: string, body?: unknown, init: CallInit = {}) {
  return call(r.app, 'POST', `/v1/phone/${tx}/${action}`, { bearer, ...(body === undefined ? {} : { body }), ...init });
}

/** `POST /v1/phone/{tx}/verify`. */
export function verifySms(r: Rig, bearer: string, tx: string, code: string, init: CallInit = {}) {
  return phonePost(r, bearer, tx, 'verify', { code }, init);
}

/** The simulated PASS app's pending requests on a phone. */
export async function pending(r: Rig, phone = PHONE): Promise<Array<{ tx: string; carrier: string; expiresIn: number }>> {
  return (await call(r.app, 'POST', '/v1/dev/pass/pending', { body: { phone } })).body.requests;
}
