/**
 * A fake of NICE 본인확인 통합형 (standard window), speaking its documented API:
 *
 * - `POST /digital/niceid/oauth/oauth/token` (Basic client_id:client_secret, form
 *   `grant_type=client_credentials&scope=default`) → `dataHeader.GW_RSLT_CD "1200"`,
 *   `dataBody.access_token`, `expires_in`;
 * - `POST /digital/niceid/api/v1.0/common/crypto/token` (`Authorization: bearer
 *   base64(access_token:unix_seconds:client_id)`, `client_id`, `ProductID`, body `{ dataHeader,
 *   dataBody: { req_dtim, req_no, enc_mode } }`) → `rsp_cd "P000"`, `result_cd "0000"`,
 *   `token_val`, `site_code`, `token_version_id`;
 * - `POST /CheckPlusSafeModel/service.cb` (`m=service, token_version_id, enc_data,
 *   integrity_value`): checks the request's HMAC, decrypts it, and shows the window — carrier
 *   choice, the learner's name, birth date and phone (the person the carrier will vouch for),
 *   "인증" and "취소" — whose answer is posted back to `returnurl` like NICE's: `token_version_id,
 *   enc_data, integrity_value`, the result JSON sealed in EUC-KR.
 *
 * Failure switches (`faults`): the token and crypto-token calls can answer `server-error`,
 * `malformed`, `refused`, `rate-limit` or `hang`; `tamperResult` breaks the HMAC of the next
 * results. What was posted back last (`lastResult`) is kept for replay tests. Test controls over
 * HTTP for end-to-end tests: `GET /__fake/last-result`, `GET /__fake/received`.
 */
import { randomBytes } from 'node:crypto';
import { deriveNiceKeys, encodeEucKr, openNice, sealNice, type NiceKeys } from '../../src/server/providers/phone/nice/crypto.js';
import { startFakeServer, type FakeAnswer, type FakeServer, type ReceivedRequest } from './http.js';

/** Calls a fault can hit. */
export type NiceCall = 'token' | 'crypto';
/** What a faulty call does. */
export type NiceFault = 'server-error' | 'malformed' | 'refused' | 'rate-limit' | 'hang';

/** Options of {@link startNiceFake}. */
export interface NiceFakeOptions {
  /** The client id it accepts. */
  clientId: string;
  /** The client secret it accepts. */
  clientSecret: string;
  /** The product id it expects. */
  productId: string;
  /** Port (default 0: any free port). */
  port?: number;
}

/** A result as posted back to `returnurl`. */
export interface PostedResult {
  /** Where it went. */
  returnUrl: string;
  /** The form fields. */
  fields: { token_version_id: string; enc_data: string; integrity_value: string };
}

/** The running fake. */
export interface NiceFake extends Pick<FakeServer, 'url' | 'received' | 'close'> {
  /** The window's URL (`…/CheckPlusSafeModel/service.cb`). */
  readonly windowUrl: string;
  /** Faults by call; clear one with `delete`. */
  faults: Partial<Record<NiceCall, NiceFault>>;
  /** When true, results are posted back with a broken integrity value (a forgery). */
  tamperResult: boolean;
  /** How many access tokens it issued. */
  readonly accessTokensIssued: number;
  /** The last result the window posted back. */
  readonly lastResult: PostedResult | undefined;
  /** Seals `result` (JSON) as the window would for the launch with `tokenVersionId`. */
  sealResult(tokenVersionId: string, result: Record<string, string>): PostedResult['fields'];
  /** The request the window received for `tokenVersionId`, decrypted (requestno, returnurl, …). */
  requestOf(tokenVersionId: string): Record<string, string> | undefined;
}

interface Launch {
  reqNo: string;
  keys: NiceKeys;
  request?: Record<string, string>;
}

const SITE_CODE = 'FAKESITE';
const CARRIERS: Array<[string, string]> = [
  ['SK', 'SKT'],
  ['KT', 'KT'],
  ['LG', 'LG U+'],
  ['SM', 'SKT 알뜰폰'],
  ['KM', 'KT 알뜰폰'],
  ['LM', 'LG U+ 알뜰폰'],
];
/** Launches remembered at most. */
const KEEP_MAX = 1000;

const ok = (dataBody: Record<string, unknown>): FakeAnswer => ({
  status: 200,
  json: { dataHeader: { GW_RSLT_CD: '1200', GW_RSLT_MSG: '오류 없음' }, dataBody },
});
const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const html = (body: string): FakeAnswer => ({
  status: 200,
  raw: `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>NICE 본인확인 (fake)</title></head><body>${body}</body></html>`,
  contentType: 'text/html; charset=utf-8',
});

function faultAnswer(fault: NiceFault | undefined): FakeAnswer | undefined {
  switch (fault) {
    case 'hang':
      return 'hang';
    case 'server-error':
      return { status: 500, raw: 'Internal Server Error' };
    case 'malformed':
      return { status: 200, raw: '{"dataHeader":{"GW_RSLT_CD":"1200"},"dataBody":', contentType: 'application/json' };
    case 'refused':
      return { status: 200, json: { dataHeader: { GW_RSLT_CD: '1800', GW_RSLT_MSG: '인증 실패' }, dataBody: {} } };
    case 'rate-limit':
      return { status: 429, json: { dataHeader: { GW_RSLT_CD: '1900', GW_RSLT_MSG: '요청 한도 초과' } } };
    default:
      return undefined;
  }
}

/** Starts the fake. */
export async function startNiceFake(options: NiceFakeOptions): Promise<NiceFake> {
  const faults: Partial<Record<NiceCall, NiceFault>> = {};
  const accessTokens = new Set<string>();
  const launches = new Map<string, Launch>();
  const state = { issued: 0, lastResult: undefined as PostedResult | undefined, tamper: false };

  const remember = (id: string, launch: Launch) => {
    launches.set(id, launch);
    while (launches.size > KEEP_MAX) launches.delete(launches.keys().next().value!);
  };

  const token = (request: ReceivedRequest): FakeAnswer => {
    const canned = faultAnswer(faults.token);
    if (canned) return canned;
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    const form = new URLSearchParams(request.body);
    if (request.headers.authorization !== `Basic ${basic}`) return { status: 401, json: { dataHeader: { GW_RSLT_CD: '1800' } } };
    if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'default') {
      return { status: 400, json: { dataHeader: { GW_RSLT_CD: '1700' } } };
    }
    const value = randomBytes(18).toString('hex');
    accessTokens.add(value);
    state.issued++;
    return ok({ access_token: value, token_type: 'bearer', expires_in: 1_576_800_000, scope: 'default' });
  };

  const crypto = (request: ReceivedRequest): FakeAnswer => {
    const canned = faultAnswer(faults.crypto);
    if (canned) return canned;
    const bearer = /^bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [accessToken, seconds, clientId] = Buffer.from(bearer ?? '', 'base64').toString('utf8').split(':');
    if (!accessToken || !accessTokens.has(accessToken) || clientId !== options.clientId || !/^\d+$/.test(seconds ?? '')) {
      return { status: 401, json: { dataHeader: { GW_RSLT_CD: '1800', GW_RSLT_MSG: '토큰 오류' } } };
    }
    if (request.headers.client_id !== options.clientId || request.headers.productid !== options.productId) {
      return { status: 400, json: { dataHeader: { GW_RSLT_CD: '1700', GW_RSLT_MSG: '헤더 오류' } } };
    }
    let body: { dataBody?: { req_dtim?: unknown; req_no?: unknown; enc_mode?: unknown } };
    try {
      body = JSON.parse(request.body);
    } catch {
      return { status: 400, json: { dataHeader: { GW_RSLT_CD: '1700' } } };
    }
    const { req_dtim: reqDtim, req_no: reqNo, enc_mode: encMode } = body.dataBody ?? {};
    if (typeof reqDtim !== 'string' || !/^\d{14}$/.test(reqDtim) || typeof reqNo !== 'string' || !reqNo || encMode !== '1') {
      return ok({ rsp_cd: 'P000', result_cd: '0003', res_msg: '요청 정보 오류' });
    }
    const tokenVal = randomBytes(24).toString('base64');
    const tokenVersionId = `fake${randomBytes(10).toString('hex')}`;
    remember(tokenVersionId, { reqNo, keys: deriveNiceKeys(reqDtim, reqNo, tokenVal) });
    return ok({ rsp_cd: 'P000', result_cd: '0000', site_code: SITE_CODE, token_version_id: tokenVersionId, token_val: tokenVal, period: 3600 });
  };

  /** The window: checks the request, then asks the learner. */
  const windowPage = (request: ReceivedRequest): FakeAnswer => {
    const form = new URLSearchParams(request.body);
    const id = form.get('token_version_id') ?? '';
    const launch = launches.get(id);
    const plain =
      launch && form.get('m') === 'service'
        ? openNice(launch.keys, { encData: form.get('enc_data') ?? '', integrityValue: form.get('integrity_value') ?? '' })
        : null;
    if (!launch || !plain) return html('<p id="nice-error">잘못된 접근입니다. (요청 정보 검증 실패)</p>');
    const parsed = JSON.parse(plain.toString('utf8')) as Record<string, string>;
    if (parsed.requestno !== launch.reqNo || parsed.sitecode !== SITE_CODE || !parsed.returnurl) {
      return html('<p id="nice-error">잘못된 접근입니다. (요청 정보 불일치)</p>');
    }
    launch.request = parsed;
    const carriers = CARRIERS.map(
      ([code, label], i) => `<label><input type="radio" name="mobileco" value="${code}"${i === 0 ? ' checked' : ''}> ${label}</label>`,
    ).join('\n');
    return html(`<h1>NICE 본인확인 (fake)</h1>
<form method="post" action="/__window/${escape(id)}/answer">
<fieldset><legend>통신사 선택</legend>${carriers}</fieldset>
<label>이름 <input name="name" value="홍길동"></label>
<label>생년월일 <input name="birthdate" value="19900101"></label>
<label>휴대폰번호 <input name="mobileno" value="01012345678"></label>
<button name="answer" value="approve">인증</button>
<button name="answer" value="deny">취소</button>
</form>`);
  };

  const seal = (launch: Launch, id: string, result: Record<string, string>) => {
    const fields = sealNice(launch.keys, encodeEucKr(JSON.stringify(result)));
    return { token_version_id: id, enc_data: fields.encData, integrity_value: fields.integrityValue };
  };

  /** The learner's answer: the sealed result, posted back to `returnurl` like NICE does. */
  const answer = (id: string, request: ReceivedRequest): FakeAnswer => {
    const launch = launches.get(id);
    if (!launch?.request) return html('<p id="nice-error">잘못된 접근입니다.</p>');
    const form = new URLSearchParams(request.body);
    const approved = form.get('answer') === 'approve';
    const name = form.get('name') ?? '';
    const result: Record<string, string> = {
      resultcode: approved ? '0000' : '0099',
      requestno: launch.request.requestno!,
      enctime: new Date().toISOString().replace(/\D/g, '').slice(0, 14),
      sitecode: SITE_CODE,
      responseno: `NICE${randomBytes(8).toString('hex')}`,
      authtype: 'M',
    };
    if (approved) {
      Object.assign(result, {
        name,
        utf8_name: encodeURIComponent(name),
        birthdate: form.get('birthdate') ?? '',
        gender: '1',
        nationalinfo: '0',
        mobileco: form.get('mobileco') ?? 'SK',
        mobileno: form.get('mobileno') ?? '',
        ci: randomBytes(44).toString('base64'),
        di: randomBytes(32).toString('base64'),
      });
    }
    const fields = seal(launch, id, result);
    if (state.tamper) fields.integrity_value = Buffer.from(randomBytes(32)).toString('base64');
    state.lastResult = { returnUrl: launch.request.returnurl!, fields };
    const inputs = Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`)
      .join('');
    return html(
      `<form method="post" action="${escape(launch.request.returnurl!)}">${inputs}<button>계속</button></form><script>document.forms[0].submit()</script>`,
    );
  };

  const handle = (request: ReceivedRequest): FakeAnswer => {
    const path = new URL(request.url, 'http://fake').pathname;
    if (request.method === 'GET' && path === '/__fake/last-result') return { status: 200, json: { lastResult: state.lastResult ?? null } };
    if (request.method === 'GET' && path === '/__fake/received') {
      return { status: 200, json: { received: server.received.filter((r) => !r.url.startsWith('/__')) } };
    }
    if (request.method !== 'POST') return { status: 405, raw: 'method not allowed' };
    if (path === '/digital/niceid/oauth/oauth/token') return token(request);
    if (path === '/digital/niceid/api/v1.0/common/crypto/token') return crypto(request);
    if (path === '/CheckPlusSafeModel/service.cb') return windowPage(request);
    const answerPath = /^\/__window\/([^/]+)\/answer$/.exec(path);
    if (answerPath) return answer(decodeURIComponent(answerPath[1]!), request);
    return { status: 404, raw: 'not found' };
  };

  const server = await startFakeServer(handle, options.port);
  return {
    url: server.url,
    windowUrl: `${server.url}/CheckPlusSafeModel/service.cb`,
    received: server.received,
    close: () => server.close(),
    faults,
    get tamperResult() {
      return state.tamper;
    },
    set tamperResult(value) {
      state.tamper = value;
    },
    get accessTokensIssued() {
      return state.issued;
    },
    get lastResult() {
      return state.lastResult;
    },
    sealResult(tokenVersionId, result) {
      const launch = launches.get(tokenVersionId);
      if (!launch) throw new Error('no such launch');
      return seal(launch, tokenVersionId, result);
    },
    requestOf: (tokenVersionId) => launches.get(tokenVersionId)?.request,
  };
}
