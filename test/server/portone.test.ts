/**
 * The PortOne adapter against the PortOne fake over real HTTP on 127.0.0.1: the fields PortOne
 * receives, success by SMS and by the PASS app, and every PortOne answer mapped to ours.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createPortOnePhoneProvider } from '../../src/server/index.js';
import { startPortOneFake, type PortOneFake } from '../fakes/portone.js';
import { call, config, rig, type Rig } from './helpers.js';
import { phonePost, start, startSms, verifySms, wrongOf } from './phone-helpers.js';

const SECRET = 'test-secret-Zq8x';
const STORE = 'store-00000000-test';
const CHANNEL = 'channel-key-test';
/** Short deadline so a hang is over quickly. */
const DEADLINE_MS = 400;

let fake: PortOneFake;
const warnings: string[] = [];

before(async () => {
  fake = await startPortOneFake({ secret: SECRET, storeId: STORE, channelKey: CHANNEL });
});
after(() => fake.close());
beforeEach(() => {
  for (const key of Object.keys(fake.faults)) delete fake.faults[key as keyof typeof fake.faults];
  warnings.length = 0;
});

/** An app whose phone check runs through PortOne (the fake), on the rig's clock. */
async function portoneRig(options: { secret?: string; maxCallsInFlight?: number } = {}): Promise<Rig> {
  let clock = () => 0;
  const r = await rig({
    phone: createPortOnePhoneProvider({
      ...(options.maxCallsInFlight === undefined ? {} : { maxCallsInFlight: options.maxCallsInFlight }),
      secret: options.secret ?? SECRET,
      storeId: STORE,
      channelKey: CHANNEL,
      baseUrl: fake.url,
      logger: { warn: (message) => warnings.push(message) },
      clock: () => clock(),
    }),
    devRoutesWithRealProviders: true,
    providerTimeoutMs: DEADLINE_MS,
    clientIp: () => '203.0.113.9',
  });
  clock = () => r.now;
  return r;
}

/** The requests the fake received for verification `tx`. */
const receivedFor = (tx: string) => fake.received.filter((entry) => entry.url.includes(`/identity-verifications/${tx}`));
const codeOf = (tx: string) => {
  const code = fake.codeFor(tx);
  assert.ok(code, 'the fake sent a code');
  return code;
};

describe('PortOne: success', () => {
  test('SMS: PortOne receives the documented send, the code from its SMS gives a token', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session, { carrier: 'KT_MVNO' });
    const [send] = receivedFor(tx);
    assert.equal(send?.method, 'POST');
    assert.equal(send?.url, `/identity-verifications/${tx}/send`);
    assert.equal(send?.headers.authorization, `PortOne ${SECRET}`);
    assert.deepEqual(JSON.parse(send!.body), {
      storeId: STORE,
      channelKey: CHANNEL,
      customer: { name: '홍길동', phoneNumber: '01012345678', identityNumber: '9001011', ipAddress: '203.0.113.9' },
      operator: 'KT_MVNO',
      method: 'SMS',
    });
    const code = codeOf(tx);
    assert.ok(fake.messages('01012345678').some((text) => text.includes(`[${code}]`)), 'the phone got the code');
    const answer = await verifySms(r, session, tx, code);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.method, 'sms');
    const confirm = receivedFor(tx).find((entry) => entry.url.endsWith('/confirm'));
    assert.deepEqual(JSON.parse(confirm!.body), { storeId: STORE, otp: code });
  });

  test('SMS resend: PortOne sends a new code, the old one no longer works', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const old = codeOf(tx);
    r.advance(31_000);
    const resent = await phonePost(r, session, tx, 'resend');
    assert.equal(resent.status, 200, resent.text);
    assert.ok(receivedFor(tx).some((entry) => entry.url === `/identity-verifications/${tx}/resend?storeId=${STORE}`));
    const fresh = codeOf(tx);
    if (fresh !== old) assert.equal((await verifySms(r, session, tx, old)).body.error.code, 'INVALID_CODE');
    assert.equal((await verifySms(r, session, tx, fresh)).status, 200);
  });

  test('APP: pending until the PASS app approves, then 인증 완료 gives a token', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const started = await start(r, session, { method: 'app' });
    assert.equal(started.status, 200, started.text);
    const tx: string = started.body.tx;
    assert.equal(JSON.parse(receivedFor(tx)[0]!.body).method, 'APP');
    assert.equal(JSON.parse(receivedFor(tx)[0]!.body).customer.identityNumber, undefined);
    assert.equal((await phonePost(r, session, tx, 'complete')).body.status, 'pending');
    assert.ok(fake.approve(tx));
    r.advance(2_000);
    const done = await phonePost(r, session, tx, 'complete');
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.status, 'approved');
    assert.equal(done.body.method, 'app');
  });

  test('APP denied in the PASS app → rejected, no token', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx: string = (await start(r, session, { method: 'app' })).body.tx;
    assert.ok(fake.deny(tx));
    assert.equal((await call(r.app, 'GET', `/v1/phone/${tx}`, { bearer: session })).body.status, 'rejected');
    assert.equal((await phonePost(r, session, tx, 'complete')).body.status, 'rejected');
  });

  test('/v1/config offers what PortOne can do: PASS app and SMS, no QR; a QR start is refused', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    assert.deepEqual((await config(r.app, session)).body.phoneMethods, ['app', 'sms']);
    const qr = await start(r, session, { method: 'qr' });
    assert.equal(qr.status, 400);
    assert.equal(qr.body.error.code, 'INVALID_INPUT');
    assert.equal(fake.received.filter((entry) => entry.url.endsWith('/send') && entry.body.includes('"QR"')).length, 0);
  });

  test('the carrier verified someone other than the learner → MISMATCH, no token', async () => {
    fake.addSubscriber({ name: '김철수', phoneNumber: '01099998888', birthDate: '1985-05-05' });
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session, { phone: '010-9999-8888' });
    const answer = await verifySms(r, session, tx, codeOf(tx));
    assert.equal(answer.status, 403, answer.text);
    assert.equal(answer.body.error.code, 'MISMATCH');
  });
});

describe('PortOne: errors mapped to ours', () => {
  test('a wrong code → INVALID_CODE with attempts left; the right one still works', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const wrong = await verifySms(r, session, tx, wrongOf(codeOf(tx)));
    assert.equal(wrong.status, 400, wrong.text);
    assert.equal(wrong.body.error.code, 'INVALID_CODE');
    assert.equal(wrong.body.error.attemptsLeft, 4);
    fake.faults.confirm = 'wrong-code';
    assert.equal((await verifySms(r, session, tx, codeOf(tx))).body.error.attemptsLeft, 3, 'PortOne refused it: a wrong code');
    delete fake.faults.confirm;
    assert.equal((await verifySms(r, session, tx, codeOf(tx))).status, 200);
  });

  test('PortOne ends the code (expired) → EXPIRED, and it stays dead', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    fake.faults.confirm = 'expired';
    const first = await verifySms(r, session, tx, codeOf(tx));
    assert.equal(first.body.error.code, 'EXPIRED', first.text);
    delete fake.faults.confirm;
    const again = await verifySms(r, session, tx, '000000');
    assert.equal(again.body.error.code, 'EXPIRED', again.text);
  });

  test('PortOne knows no such verification → the code cannot work: INVALID_CODE; a resend then → 503', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    fake.faults.confirm = 'not-found';
    const answer = await verifySms(r, session, tx, codeOf(tx));
    assert.equal(answer.body.error.code, 'INVALID_CODE', answer.text);
    assert.equal(answer.body.error.attemptsLeft, 4);
    r.advance(31_000);
    fake.faults.resend = 'not-found';
    assert.equal((await phonePost(r, session, tx, 'resend')).status, 503);
  });

  test("PortOne's rate limit on send → 429 RATE_LIMITED with Retry-After; our throttle counts nothing", async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    fake.faults.send = 'rate-limit';
    const refused = await start(r, session);
    assert.equal(refused.status, 429, refused.text);
    assert.equal(refused.body.error.code, 'RATE_LIMITED');
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    delete fake.faults.send;
    assert.equal((await start(r, session)).status, 200, 'no 30 s wait: nothing was sent');
  });

  test("PortOne's rate limit on resend → 429 RATE_LIMITED", async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    r.advance(31_000);
    fake.faults.resend = 'rate-limit';
    const refused = await phonePost(r, session, tx, 'resend');
    assert.equal(refused.status, 429, refused.text);
    assert.equal(refused.body.error.code, 'RATE_LIMITED');
  });

  for (const fault of ['server-error', 'malformed', 'garbled', 'unauthorized'] as const) {
    test(`confirm answers ${fault} → 503 UPSTREAM_UNAVAILABLE with Retry-After, the attempt given back, no token`, async () => {
      const r = await portoneRig();
      const { session } = await r.session();
      const tx = await startSms(r, session);
      fake.faults.confirm = fault;
      const answer = await verifySms(r, session, tx, codeOf(tx));
      assert.equal(answer.status, 503, answer.text);
      assert.equal(answer.body.error.code, 'UPSTREAM_UNAVAILABLE');
      assert.ok(Number(answer.headers.get('Retry-After')) > 0);
      assert.equal(answer.body.token, undefined);
      delete fake.faults.confirm;
      assert.equal((await verifySms(r, session, tx, wrongOf(codeOf(tx)))).body.error.attemptsLeft, 4, 'nothing was charged');
    });
  }

  for (const fault of ['server-error', 'malformed', 'unauthorized'] as const) {
    test(`send answers ${fault} → 503, never 500; the retry needs no new wait`, async () => {
      const r = await portoneRig();
      const { session } = await r.session();
      fake.faults.send = fault;
      const answer = await start(r, session);
      assert.equal(answer.status, 503, answer.text);
      assert.equal(answer.body.error.code, 'UPSTREAM_UNAVAILABLE');
      delete fake.faults.send;
      assert.equal((await start(r, session)).status, 200);
    });
  }

  test('get (PASS app status) answers malformed or garbled → 503, never 500', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx: string = (await start(r, session, { method: 'app' })).body.tx;
    for (const fault of ['malformed', 'garbled', 'server-error'] as const) {
      fake.faults.get = fault;
      const answer = await phonePost(r, session, tx, 'complete');
      assert.equal(answer.status, 503, `${fault}: ${answer.text}`);
    }
  });

  test('a wrong secret → 503 and a warning for the operator that never shows the secret', async () => {
    const r = await portoneRig({ secret: 'not-the-secret-8841' });
    const { session } = await r.session();
    const answer = await start(r, session);
    assert.equal(answer.status, 503);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /UNAUTHORIZED/);
    assert.ok(!warnings[0]!.includes('not-the-secret-8841'));
    assert.ok(!answer.text.includes('not-the-secret-8841'));
  });
});

describe('PortOne: a hang past the deadline', () => {
  test('confirm hangs → 503 with Retry-After inside the deadline, nothing charged, no token', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    fake.faults.confirm = 'hang';
    const started = Date.now();
    const answer = await verifySms(r, session, tx, codeOf(tx));
    const took = Date.now() - started;
    assert.equal(answer.status, 503, answer.text);
    assert.ok(Number(answer.headers.get('Retry-After')) > 0);
    assert.ok(took >= DEADLINE_MS - 20 && took < DEADLINE_MS + 1_500, `answered after ${took} ms`);
    assert.equal(answer.body.token, undefined);
    delete fake.faults.confirm;
    assert.equal((await verifySms(r, session, tx, wrongOf(codeOf(tx)))).body.error.attemptsLeft, 4);
  });

  test('send hangs → 503 inside the deadline; the send is not counted against the phone', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    fake.faults.send = 'hang';
    const started = Date.now();
    const answer = await start(r, session);
    assert.equal(answer.status, 503, answer.text);
    assert.ok(Date.now() - started < DEADLINE_MS + 1_500);
    delete fake.faults.send;
    assert.equal((await start(r, session)).status, 200);
  });

  test('calls PortOne never answers are bounded: past the bound a check is refused at once, PortOne not called', async () => {
    const r = await portoneRig({ maxCallsInFlight: 2 });
    fake.faults.send = 'hang';
    const sendsBefore = fake.received.filter((entry) => entry.url.endsWith('/send')).length;
    // Two checks wait out the deadline; PortOne still holds both calls (the SDK cannot cancel them).
    for (const learner of ['a', 'b']) {
      const { session } = await r.session({ subject: `hung-${learner}` });
      assert.equal((await start(r, session)).status, 503);
    }
    const { session } = await r.session({ subject: 'hung-c' });
    const started = Date.now();
    const answer = await start(r, session);
    assert.equal(answer.status, 503, answer.text);
    assert.ok(Number(answer.headers.get('Retry-After')) > 0);
    assert.ok(Date.now() - started < DEADLINE_MS - 50, 'refused without waiting for the deadline');
    assert.equal(fake.received.filter((entry) => entry.url.endsWith('/send')).length - sendsBefore, 2);
    assert.throws(() => createPortOnePhoneProvider({ secret: SECRET, storeId: STORE, channelKey: CHANNEL, maxCallsInFlight: 0 }), TypeError);
  });

  test('status hangs → 503 on 인증 완료, no token', async () => {
    const r = await portoneRig();
    const { session } = await r.session();
    const tx: string = (await start(r, session, { method: 'app' })).body.tx;
    fake.approve(tx);
    fake.faults.get = 'hang';
    const answer = await phonePost(r, session, tx, 'complete');
    assert.equal(answer.status, 503, answer.text);
    assert.equal(answer.body.token, undefined);
    delete fake.faults.get;
    r.advance(2_000);
    assert.equal((await phonePost(r, session, tx, 'complete')).body.status, 'approved');
  });
});
