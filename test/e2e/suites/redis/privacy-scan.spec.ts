/**
 * After the whole end-to-end run on Redis: nothing personal in Redis or the audit file. First a
 * run of its own whose secrets are known (a page's session, an mOTP code, an SMS code), then a
 * scan of every key and value in the database and every line of the audit file for those,
 * for the demo learners' names, phones (any spelling, any learner) and birth dates, and for
 * any six-digit code.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { Redis } from 'ioredis';
import { generate } from 'otplib';
import { TOTP_OPTIONS } from '../../../../src/server/index.js';
import { findPlaintext, readWholeRedis, type ScannedText } from '../../../support/privacy-scan.js';
import { uniqueLearner } from '../../helpers.js';

const DEMO = { name: '홍길동', phone: '010-1234-5678', birth: '900101-1' };
const AUDIT_DIR = 'test-results/redis';

/** A JSON POST to the demo's API. */
async function post(request: APIRequestContext, path: string, data: unknown, session?: string) {
  const response = await request.post(`/api${path}`, { data, headers: session ? { Authorization: `Bearer ${session}` } : {} });
  return { status: response.status(), body: await response.json() };
}

test('Redis and the audit file hold no plaintext name, phone, birth date, code or session', async ({ request }) => {
  // A page of our own: its session, its learner's phone.
  const html = await (await request.get(`/?learner=${uniqueLearner('scan')}`)).text();
  const session = /session="([\w-]{43})"/.exec(html)![1]!;
  const phone = /phone=([\d-]+)"/.exec(html)![1]!;

  // mOTP with the phone's current code.
  const { body: enrolled } = await post(request, '/v1/dev/motp/enroll', { phone });
  const otp = await generate({ ...TOTP_OPTIONS, secret: new URL(enrolled.otpauth).searchParams.get('secret')! });
  expect((await post(request, '/v1/motp/verify', { otp, phone }, session)).status).toBe(200);

  // An SMS check with the code from the phone's inbox.
  const { body: issued } = await post(request, '/v1/captcha', {}, session);
  const { body: solved } = await post(request, `/v1/dev/captcha/${issued.id}`, {});
  const start = { carrier: 'SKT', method: 'sms', name: DEMO.name, phone, birth: DEMO.birth, consent: true, captcha: { id: issued.id, answer: solved.answer } };
  const { body: started } = await post(request, '/v1/phone/start', start, session);
  const smsCodes = async (of: string) =>
    ((await post(request, '/v1/dev/inbox', { phone: of })).body.messages as Array<{ text: string }>).map(
      (message) => /\[(\d{6})\]/.exec(message.text)![1]!,
    );
  const [sms] = (await smsCodes(phone)).slice(-1);
  expect((await post(request, `/v1/phone/${started.tx}/verify`, { code: sms }, session)).status).toBe(200);

  // Everything the run left: every key of the Redis the demo ran on, every audit line.
  const redis = new Redis(process.env.IDV_E2E_REDIS_URL!);
  let stored: ScannedText[];
  try {
    stored = await readWholeRedis(redis);
  } finally {
    redis.disconnect();
  }
  const auditFiles = (await readdir(AUDIT_DIR)).filter((name) => /^audit\..*jsonl$/.test(name));
  const audit = await Promise.all(auditFiles.map(async (name) => ({ where: name, text: await readFile(join(AUDIT_DIR, name), 'utf8') })));
  const auditLines = audit.flatMap(({ text }) => text.trimEnd().split('\n'));

  // The run really went through both: hundreds of keys, an audit line per attempt.
  expect(stored.length).toBeGreaterThan(50);
  expect(auditLines.length).toBeGreaterThan(10);
  expect(auditLines.map((line) => JSON.parse(line).result)).toContain('success');

  const findings = findPlaintext([...stored, ...audit], {
    names: [DEMO.name],
    phones: [DEMO.phone, phone],
    births: [DEMO.birth],
    codes: [otp, sms!, ...(await smsCodes(DEMO.phone))],
    sessions: [session],
    // The per-IP send cap counts per clock hour, and names its keys by the hour's number.
    notCodes: Array.from({ length: 26 }, (_, back) => String(Math.floor(Date.now() / 3_600_000) + 1 - back)),
  });
  expect(findings).toEqual([]);
});
