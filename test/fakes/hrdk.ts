/**
 * A fake of HRD Korea's mOTP service (EMON) over real HTTP on 127.0.0.1, speaking the API as
 * LMSs call it: `POST /api/v2/otp_accredit`, `POST /api/v2/user_reset` (form-encoded, JSON
 * answers `{ code, status, msg }`) and the 대체인증 log `POST /EAIServer/SOURCE/ExConn/LMS/
 * pSubOtpLog.jsp` (XML answer with `RetVal` 101).
 *
 * It decides each phone's codes itself (a TOTP of a secret of its own per phone, 60 s steps,
 * ±1 step), keeps its own lock (5 wrong codes in a row, then `AP009` until `user_reset`),
 * records every call it received, and has a switch per endpoint to answer a given code, an
 * HTTP error, a page that is not JSON, or nothing at all.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import { maskPhone } from '../../src/protocol/index.js';

/** The three endpoints. */
export type HrdkEndpoint = 'accredit' | 'reset' | 'log';

/** Paths of the endpoints, as HRD Korea serves them. */
export const HRDK_PATHS: Readonly<Record<HrdkEndpoint, string>> = {
  accredit: '/api/v2/otp_accredit',
  reset: '/api/v2/user_reset',
  log: '/EAIServer/SOURCE/ExConn/LMS/pSubOtpLog.jsp',
};

/**
 * A failure switch: answer this `code` (JSON endpoints: `AP009`, `AP012`, `WE005`, `IE001`…;
 * the log: this `RetVal`, e.g. `102`), this HTTP `status` with an error page, an HTML page with
 * status 200 (`non-json`), or never answer (`hang`).
 */
export type HrdkFault = { code: string } | { status: number } | 'non-json' | 'hang';

/** One call the fake received. */
export interface HrdkReceived {
  /** Which endpoint. */
  endpoint: HrdkEndpoint;
  /** The form fields, decoded. */
  fields: Record<string, string>;
  /** The request's `Content-Type`. */
  contentType: string;
}

/** Options of {@link startHrdkFake}. */
export interface HrdkFakeOptions {
  /** Epoch milliseconds the codes are computed at (default `Date.now`). */
  clock?: () => number;
}

/** The running fake. */
export interface HrdkFake {
  /** Base URL of the mOTP API (`createHrdkProvider`'s `baseUrl`). */
  readonly url: string;
  /** URL of the 대체인증 log (`createHrdkProvider`'s `logUrl`). */
  readonly logUrl: string;
  /** Calls received so far, oldest first (the last 1000). */
  received(endpoint?: HrdkEndpoint): HrdkReceived[];
  /** The code the phone's mOTP app shows at `atMs` (default now). */
  codeFor(phone: string, atMs?: number): Promise<string>;
  /** The phone's `otpauth://` URI, so a simulated mOTP app shows the fake's codes. */
  enroll(phone: string): Promise<string>;
  /** True while the fake's own lock holds for the phone. */
  isLocked(phone: string): boolean;
  /** Sets (or with `null` clears) the failure switch of an endpoint. */
  fail(endpoint: HrdkEndpoint, fault: HrdkFault | null): void;
  /** Stops the server, cutting any call it is holding. */
  close(): Promise<void>;
}

const MAX_FAILURES = 5;
const MAX_RECORDS = 1000;
const MAX_BODY_BYTES = 64 * 1024;
const STEP_SECONDS = 60;

const MESSAGES: Record<string, string> = {
  '200': '정상 처리되었습니다.',
  AP001: 'OTP 번호가 일치하지 않습니다.',
  AP002: '이름이 없습니다.',
  AP003: '전화번호가 없습니다.',
  AP004: 'OTP 번호가 없습니다.',
  AP009: 'OTP 번호 오류 5회 이상으로 잠금 상태입니다.',
  AP010: '초기화에 실패했습니다.',
  AP012: 'OTP 자릿수 오류[6자리만 가능]',
  WE001: 'content-type 오류',
  WE002: 'POST만 가능합니다.',
};

/** Reads a form body (at most 64 KB). */
async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/** Starts the fake on a free loopback port. */
export async function startHrdkFake(options: HrdkFakeOptions = {}): Promise<HrdkFake> {
  const clock = options.clock ?? Date.now;
  const secrets = new Map<string, string>();
  const failures = new Map<string, number>();
  const faults = new Map<HrdkEndpoint, HrdkFault>();
  const records: HrdkReceived[] = [];
  const digits = (phone: string) => phone.replace(/\D/g, '');
  const secretOf = (phone: string) => {
    const key = digits(phone);
    let secret = secrets.get(key);
    if (!secret) secrets.set(key, (secret = generateSecret({ length: 20 })));
    return secret;
  };
  const totp = { algorithm: 'sha1', digits: 6, period: STEP_SECONDS } as const;

  const json = (response: ServerResponse, code: string | number) => {
    const ok = String(code) === '200';
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ code, status: ok ? 'success' : 'fail', msg: MESSAGES[String(code)] ?? '오류' }));
  };
  const xml = (response: ServerResponse, retVal: string) => {
    response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
    const message = retVal === '101' ? '정상 처리' : '처리 실패';
    response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Root><RetVal>${retVal}</RetVal><RetMsg>${message}</RetMsg><Remark></Remark></Root>`);
  };

  /** The fake's verdict on a code: it checks what HRD Korea documents, then its lock, then the TOTP. */
  const accredit = async (fields: Record<string, string>): Promise<string> => {
    if (!fields.USER_NM) return 'AP002';
    if (!fields.USER_TEL) return 'AP003';
    if (!fields.OTPNO) return 'AP004';
    if (!/^\d{6}$/.test(fields.OTPNO)) return 'AP012';
    const phone = digits(fields.USER_TEL);
    if ((failures.get(phone) ?? 0) >= MAX_FAILURES) return 'AP009';
    const epoch = Math.floor(clock() / 1000);
    const result = await verify({ ...totp, secret: secretOf(phone), token: fields.OTPNO, epoch, epochTolerance: STEP_SECONDS });
    if (result.valid) {
      failures.delete(phone);
      return '200';
    }
    failures.set(phone, (failures.get(phone) ?? 0) + 1);
    return 'AP001';
  };

  const reset = (fields: Record<string, string>): string => {
    if (!fields.USER_NM) return 'AP002';
    if (!fields.USER_TEL) return 'AP003';
    if (fields.M_RET !== 'T' || !fields.M_TRNID) return 'AP010';
    failures.delete(digits(fields.USER_TEL));
    return '200';
  };

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const endpoint = (Object.keys(HRDK_PATHS) as HrdkEndpoint[]).find((name) => HRDK_PATHS[name] === path);
    if (!endpoint) {
      response.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    if (request.method !== 'POST') return json(response, 'WE002');
    const contentType = request.headers['content-type'] ?? '';
    let fields: Record<string, string>;
    try {
      fields = await readForm(request);
    } catch {
      response.writeHead(413).end();
      return;
    }
    records.push({ endpoint, fields, contentType });
    if (records.length > MAX_RECORDS) records.shift();

    const fault = faults.get(endpoint);
    if (fault === 'hang') return; // the socket stays open until the client gives up or close() cuts it
    if (fault === 'non-json') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body>점검 중입니다</body></html>');
      return;
    }
    if (fault && 'status' in fault) {
      response.writeHead(fault.status, { 'Content-Type': 'text/html' }).end(`<html><body>${fault.status}</body></html>`);
      return;
    }
    if (!contentType.startsWith('application/x-www-form-urlencoded')) return json(response, 'WE001');
    if (endpoint === 'log') return xml(response, fault ? fault.code : '101');
    if (fault) return json(response, fault.code);
    const code = endpoint === 'accredit' ? await accredit(fields) : reset(fields);
    json(response, code === '200' ? 200 : code);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    logUrl: `${url}${HRDK_PATHS.log}`,
    received: (endpoint) => records.filter((record) => endpoint === undefined || record.endpoint === endpoint),
    codeFor: (phone, atMs = clock()) => generate({ ...totp, secret: secretOf(phone), epoch: Math.floor(atMs / 1000) }),
    enroll: async (phone) => generateURI({ ...totp, issuer: 'HRD Korea (fake)', label: maskPhone(digits(phone)), secret: secretOf(phone) }),
    isLocked: (phone) => (failures.get(digits(phone)) ?? 0) >= MAX_FAILURES,
    fail(endpoint, fault) {
      if (fault === null) faults.delete(endpoint);
      else faults.set(endpoint, fault);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
