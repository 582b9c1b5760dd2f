/**
 * A fake of PortOne V2's identity-verification API in its server ("API") mode, speaking the
 * wire format `@portone/server-sdk` uses:
 *
 * - `POST /identity-verifications/{id}/send` `{ storeId, channelKey, customer: { name,
 *   phoneNumber, identityNumber?, ipAddress }, operator, method: SMS|APP }` → `{}`;
 * - `POST /identity-verifications/{id}/confirm` `{ storeId, otp? }` → `{ identityVerification }`
 *   (status `VERIFIED`, `verifiedCustomer`);
 * - `POST /identity-verifications/{id}/resend?storeId=` → `{}` (a new code; the old one dies);
 * - `GET /identity-verifications/{id}?storeId=` → the record, status `READY|VERIFIED|FAILED`;
 * - errors as `{ type, message }` (`UNAUTHORIZED`, `INVALID_REQUEST`, `PG_PROVIDER`,
 *   `MAX_TRANSACTION_COUNT_REACHED`, `IDENTITY_VERIFICATION_NOT_FOUND`, …);
 * - every call needs `Authorization: PortOne <secret>`.
 *
 * The SMS codes are visible to tests (`codeFor`, `messages`), the PASS app's answer is theirs
 * to give (`approve`, `deny`), and `faults` makes a call fail the way the real one can. The
 * carrier's directory says who owns a line (the demo learner by default): the verified customer
 * is the line's subscriber, whoever was typed, so a mismatch shows at the end, as with a carrier.
 *
 * Test controls over HTTP (for end-to-end tests that run the fake inside the demo):
 * `GET /__fake/messages?phone=`, `GET /__fake/received`, `POST /__fake/app/{id}/approve|deny`.
 */
import { randomInt } from 'node:crypto';
import { startFakeServer, type FakeAnswer, type FakeServer, type ReceivedRequest } from './http.js';

/** Calls a fault can hit. */
export const PORTONE_CALLS = ['send', 'confirm', 'resend', 'get'] as const;
/** A call of the API. */
export type PortOneCall = (typeof PORTONE_CALLS)[number];

/**
 * What a call does instead of its job: `wrong-code` (confirm refuses any code), `expired` (the
 * code's time is up: confirm refuses and the verification fails), `rate-limit`, `server-error`
 * (500), `malformed` (200 with a body that is not JSON), `garbled` (200 JSON of the wrong
 * shape), `unauthorized`, `not-found` (PortOne has no such verification), `hang` (never answers).
 */
export type PortOneFault =
  | 'wrong-code'
  | 'expired'
  | 'rate-limit'
  | 'server-error'
  | 'malformed'
  | 'garbled'
  | 'unauthorized'
  | 'not-found'
  | 'hang';

/** A line the fake carrier knows. */
export interface PortOneSubscriber {
  /** Name on the carrier's record. */
  name: string;
  /** Digits, e.g. `01012345678`. */
  phoneNumber: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
}

/** Options of {@link startPortOneFake}. */
export interface PortOneFakeOptions {
  /** The API secret the fake accepts. */
  secret: string;
  /** The store id it expects. */
  storeId: string;
  /** The channel key it expects. */
  channelKey: string;
  /** Lines it knows (default: the demo learner 홍길동, 010-1234-5678, 1990-01-01). */
  subscribers?: PortOneSubscriber[];
  /** Port (default 0: any free port). */
  port?: number;
}

/** One verification as the fake keeps it. */
interface Verification {
  id: string;
  method: 'SMS' | 'APP';
  operator: string;
  customer: { name: string; phoneNumber: string; identityNumber?: string; ipAddress: string };
  status: 'READY' | 'VERIFIED' | 'FAILED';
  code?: string;
  appAnswer?: 'approved' | 'denied';
  requestedAt: string;
  failure?: { reason: string; pgCode: string; pgMessage: string };
}

/** The running fake. */
export interface PortOneFake extends Pick<FakeServer, 'url' | 'received' | 'close'> {
  /** Faults by call; set one, and clear it with `delete`. */
  faults: Partial<Record<PortOneCall, PortOneFault>>;
  /** The latest SMS code of verification `id`, if any. */
  codeFor(id: string): string | undefined;
  /** SMS texts sent to `phoneNumber` (digits), oldest first. */
  messages(phoneNumber: string): string[];
  /** The PASS app approves APP verification `id`; false when there is none waiting. */
  approve(id: string): boolean;
  /** The PASS app denies APP verification `id`; false when there is none waiting. */
  deny(id: string): boolean;
  /** Adds a line to the directory. */
  addSubscriber(subscriber: PortOneSubscriber): void;
}

const DEMO_SUBSCRIBER: PortOneSubscriber = { name: '홍길동', phoneNumber: '01012345678', birthDate: '1990-01-01' };
const OPERATORS = ['SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'];
/** Verifications and inboxes the fake keeps at most (oldest forgotten first). */
const KEEP_MAX = 1000;

const error = (status: number, type: string, message: string, extra: Record<string, string> = {}): FakeAnswer => ({
  status,
  json: { type, message, ...extra },
});
const pgError = (pgCode: string, pgMessage: string) => error(400, 'PG_PROVIDER', pgMessage, { pgCode, pgMessage });

/** What a fault answers, or undefined when the fault needs the call's own logic. */
function faultAnswer(fault: PortOneFault | undefined): FakeAnswer | undefined {
  switch (fault) {
    case 'hang':
      return 'hang';
    case 'rate-limit':
      return error(429, 'MAX_TRANSACTION_COUNT_REACHED', '본인인증 요청 횟수가 최대에 도달했습니다.');
    case 'server-error':
      return error(500, 'INTERNAL', 'internal server error');
    case 'malformed':
      return { status: 200, raw: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' };
    case 'garbled':
      return { status: 200, json: { identityVerification: { status: 'VERIFIED' }, unexpected: true } };
    case 'unauthorized':
      return error(401, 'UNAUTHORIZED', '인증 정보가 올바르지 않습니다.');
    case 'not-found':
      return error(404, 'IDENTITY_VERIFICATION_NOT_FOUND', '본인인증 건이 존재하지 않습니다.');
    default:
      return undefined;
  }
}

const parse = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
const smsText = (code: string) => `[Web발신]\n[PortOne 본인확인] 인증번호 [${code}]를 입력해주세요.`;

/** Starts the fake. */
export async function startPortOneFake(options: PortOneFakeOptions): Promise<PortOneFake> {
  const verifications = new Map<string, Verification>();
  const inboxes = new Map<string, string[]>();
  const directory = new Map<string, PortOneSubscriber>();
  for (const line of options.subscribers ?? [DEMO_SUBSCRIBER]) directory.set(line.phoneNumber, line);
  const faults: Partial<Record<PortOneCall, PortOneFault>> = {};

  const keep = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key);
    map.set(key, value);
    while (map.size > KEEP_MAX) map.delete(map.keys().next().value!);
  };

  const deliver = (v: Verification) => {
    v.code = newCode();
    keep(inboxes, v.customer.phoneNumber, [...(inboxes.get(v.customer.phoneNumber) ?? []), smsText(v.code)].slice(-20));
  };

  /** The customer the carrier vouches for: the line's subscriber, or the typed person for a line it does not list. */
  const verifiedCustomer = (v: Verification) => {
    const line = directory.get(v.customer.phoneNumber);
    const identity = v.customer.identityNumber;
    const typedBirth = identity
      ? `${'1256'.includes(identity[6]!) ? '19' : '20'}${identity.slice(0, 2)}-${identity.slice(2, 4)}-${identity.slice(4, 6)}`
      : undefined;
    return {
      name: line?.name ?? v.customer.name,
      phoneNumber: v.customer.phoneNumber,
      birthDate: line?.birthDate ?? typedBirth ?? '1990-01-01',
      operator: v.operator,
      gender: 'MALE',
      isForeigner: false,
      ci: `fake-ci-${v.customer.phoneNumber.slice(-4)}`,
      di: `fake-di-${v.customer.phoneNumber.slice(-4)}`,
    };
  };

  const view = (v: Verification) => {
    const base = { id: v.id, requestedAt: v.requestedAt, updatedAt: new Date().toISOString(), statusChangedAt: v.requestedAt, version: 'V2' };
    if (v.status === 'VERIFIED') {
      return { ...base, status: 'VERIFIED', verifiedCustomer: verifiedCustomer(v), verifiedAt: new Date().toISOString(), pgTxId: `pg-${v.id}`, pgRawResponse: '{}' };
    }
    const requestedCustomer = { name: v.customer.name, phoneNumber: v.customer.phoneNumber };
    if (v.status === 'FAILED') return { ...base, status: 'FAILED', requestedCustomer, failure: v.failure };
    return { ...base, status: 'READY', requestedCustomer };
  };

  const fail = (v: Verification, pgCode: string, pgMessage: string) => {
    v.status = 'FAILED';
    delete v.code;
    v.failure = { reason: pgMessage, pgCode, pgMessage };
  };

  const send = (id: string, body: Record<string, unknown> | undefined): FakeAnswer => {
    if (!body || body.storeId !== options.storeId) return error(400, 'INVALID_REQUEST', 'storeId가 올바르지 않습니다.');
    if (body.channelKey !== options.channelKey) return error(404, 'CHANNEL_NOT_FOUND', '채널을 찾을 수 없습니다.');
    const customer = body.customer as Record<string, unknown> | undefined;
    const method = body.method;
    if (
      !customer ||
      typeof customer.name !== 'string' ||
      typeof customer.phoneNumber !== 'string' ||
      !/^01\d{8,9}$/.test(customer.phoneNumber) ||
      typeof customer.ipAddress !== 'string' ||
      (method !== 'SMS' && method !== 'APP') ||
      !OPERATORS.includes(body.operator as string) ||
      (method === 'SMS' && (typeof customer.identityNumber !== 'string' || !/^\d{7}$/.test(customer.identityNumber)))
    ) {
      return error(400, 'INVALID_REQUEST', '요청 정보가 올바르지 않습니다.');
    }
    if (verifications.has(id)) return error(409, 'IDENTITY_VERIFICATION_ALREADY_SENT', '이미 요청된 본인인증입니다.');
    const v: Verification = {
      id,
      method,
      operator: body.operator as string,
      customer: {
        name: customer.name,
        phoneNumber: customer.phoneNumber,
        ipAddress: customer.ipAddress,
        ...(typeof customer.identityNumber === 'string' ? { identityNumber: customer.identityNumber } : {}),
      },
      status: 'READY',
      requestedAt: new Date().toISOString(),
    };
    keep(verifications, id, v);
    if (method === 'SMS') deliver(v);
    return { status: 200, json: {} };
  };

  const confirm = (v: Verification, body: Record<string, unknown> | undefined, fault: PortOneFault | undefined): FakeAnswer => {
    if (v.status === 'VERIFIED') return error(409, 'IDENTITY_VERIFICATION_ALREADY_VERIFIED', '이미 인증된 본인인증입니다.');
    if (v.status === 'FAILED') return pgError('EXPIRED', '인증 요청이 종료되었습니다.');
    if (fault === 'expired') {
      fail(v, 'EXPIRED', '인증번호 입력 시간이 초과되었습니다.');
      return pgError('EXPIRED', '인증번호 입력 시간이 초과되었습니다.');
    }
    if (v.method === 'SMS') {
      if (fault === 'wrong-code' || typeof body?.otp !== 'string' || body.otp !== v.code) {
        return pgError('OTP_MISMATCH', '인증번호가 일치하지 않습니다.');
      }
    } else if (v.appAnswer === 'denied') {
      fail(v, 'DENIED', '사용자가 인증을 거절했습니다.');
      return pgError('DENIED', '사용자가 인증을 거절했습니다.');
    } else if (v.appAnswer !== 'approved') {
      return pgError('APP_NOT_CONFIRMED', 'PASS 앱에서 인증이 완료되지 않았습니다.');
    }
    v.status = 'VERIFIED';
    delete v.code;
    return { status: 200, json: { identityVerification: view(v) } };
  };

  /** For people running the demo by hand: every phone's latest SMS, and the PASS app's waiting requests. */
  const phonePage = (): FakeAnswer => {
    const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    const inbox = [...inboxes].map(([phone, texts]) => `<li>${escape(phone)}: ${escape(texts.at(-1) ?? '')}</li>`).join('');
    const waiting = [...verifications.values()]
      .filter((v) => v.method === 'APP' && v.status === 'READY' && !v.appAnswer)
      .map((v) => {
        const id = encodeURIComponent(v.id);
        return `<li>${escape(v.customer.phoneNumber)} <form method="post" action="/__fake/app/${id}/approve"><button>승인</button></form><form method="post" action="/__fake/app/${id}/deny"><button>거절</button></form></li>`;
      })
      .join('');
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      raw: `<!doctype html><meta charset="utf-8"><title>PortOne fake</title><h1>SMS</h1><ul>${inbox}</ul><h1>PASS 앱 요청</h1><ul>${waiting}</ul>`,
    };
  };

  const handle = (request: ReceivedRequest): FakeAnswer => {
    const url = new URL(request.url, 'http://fake');
    if (request.method === 'GET' && url.pathname === '/__fake/') return phonePage();
    const control = /^\/__fake\/(messages|received|app\/([^/]+)\/(approve|deny))$/.exec(url.pathname);
    if (control) {
      if (control[1] === 'messages') return { status: 200, json: { messages: fake.messages(url.searchParams.get('phone') ?? '') } };
      if (control[1] === 'received') return { status: 200, json: { received: server.received.filter((r) => !r.url.startsWith('/__fake/')) } };
      const done = control[3] === 'approve' ? fake.approve(decodeURIComponent(control[2]!)) : fake.deny(decodeURIComponent(control[2]!));
      return { status: done ? 200 : 404, json: { ok: done } };
    }

    if (request.headers.authorization !== `PortOne ${options.secret}`) return error(401, 'UNAUTHORIZED', '인증 정보가 올바르지 않습니다.');
    const match = /^\/identity-verifications\/([^/]+)(?:\/(send|confirm|resend))?$/.exec(url.pathname);
    if (!match) return error(404, 'NOT_FOUND', 'no such endpoint');
    const id = decodeURIComponent(match[1]!);
    const action = (match[2] ?? (request.method === 'GET' ? 'get' : undefined)) as PortOneCall | undefined;
    if (!action || (action === 'get') !== (request.method === 'GET')) return error(405, 'INVALID_REQUEST', 'method not allowed');
    const fault = faults[action];
    const canned = faultAnswer(fault);
    if (canned) return canned;

    const body = request.body ? parse(request.body) : undefined;
    if (action === 'send') return send(id, body);
    const storeId = action === 'confirm' ? body?.storeId : url.searchParams.get('storeId');
    if (storeId !== options.storeId) return error(400, 'INVALID_REQUEST', 'storeId가 올바르지 않습니다.');
    const v = verifications.get(id);
    if (!v) return error(404, 'IDENTITY_VERIFICATION_NOT_FOUND', '본인인증 건이 존재하지 않습니다.');
    if (action === 'get') return { status: 200, json: view(v) };
    if (action === 'confirm') return confirm(v, body, fault);
    // resend
    if (v.method !== 'SMS' || v.status !== 'READY') return error(400, 'IDENTITY_VERIFICATION_NOT_SENT', '재전송할 수 있는 본인인증이 아닙니다.');
    deliver(v);
    return { status: 200, json: {} };
  };

  const server = await startFakeServer(handle, options.port);
  const appAnswer = (id: string, answer: 'approved' | 'denied') => {
    const v = verifications.get(id);
    if (!v || v.method !== 'APP' || v.status !== 'READY' || v.appAnswer) return false;
    v.appAnswer = answer;
    if (answer === 'denied') fail(v, 'DENIED', '사용자가 인증을 거절했습니다.');
    return true;
  };
  const fake: PortOneFake = {
    url: server.url,
    received: server.received,
    close: () => server.close(),
    faults,
    codeFor: (id) => verifications.get(id)?.code,
    messages: (phoneNumber) => [...(inboxes.get(phoneNumber.replace(/\D/g, '')) ?? [])],
    approve: (id) => appAnswer(id, 'approved'),
    deny: (id) => appAnswer(id, 'denied'),
    addSubscriber: (line) => directory.set(line.phoneNumber, line),
  };
  return fake;
}
