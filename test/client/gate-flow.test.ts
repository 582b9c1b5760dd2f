/** The gate's flow rules in Node: every transition the gate takes, with no DOM. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  advance,
  initialGateState,
  PHONE_ROUTES,
  PHONE_STEPS,
  type GateContext,
  type GateEvent,
  type GateNotice,
  type GateState,
  type GateStep,
} from '../../src/id-verify-gate/gate-flow.js';
import type { PhoneFlow } from '../../src/id-verify-gate/phone-flow.js';
import type { PhoneMethod, TokenResponse } from '../../src/protocol/index.js';

const desktop: GateContext = { mobile: false, offered: ['phone', 'motp'], phoneReady: true, windowOnly: false };
const mobile: GateContext = { ...desktop, mobile: true };
const motpOnly: GateContext = { ...desktop, offered: ['motp'] };
/** mOTP unavailable: the phone check stands in (대체인증). */
const substitute: GateContext = { ...desktop, offered: ['phone'] };

const token = (purpose: TokenResponse['purpose'] = 'exam', method: TokenResponse['method'] = 'sms'): TokenResponse => ({
  token: 'a.b.c',
  method,
  purpose,
});
const started = { tx: 'tx-1', expiresIn: 180, resendIn: 30 };

/** Runs `events` from `state`, returning the last state and every notice on the way. */
function run(events: GateEvent[], context: GateContext = desktop, state: GateState = initialGateState) {
  const notices: GateNotice[] = [];
  for (const event of events) {
    const next = advance(state, event, context);
    state = next.state;
    if (next.notice) notices.push(next.notice);
  }
  return { state, notices };
}

const configured: GateEvent = { kind: 'configured', required: true, purpose: 'exam' };
const at = (step: GateStep, phone: Partial<PhoneFlow> = {}, rest: Partial<GateState> = {}): GateState => ({
  ...initialGateState,
  agreed: true,
  step,
  phone,
  ...rest,
});

/** Consent → phone → carrier + `method` → identity → the method's waiting screen. */
function throughPhone(method: PhoneMethod, context: GateContext = desktop) {
  return run(
    [
      configured,
      { kind: 'choose', method: 'phone' },
      ...(context.mobile ? [{ kind: 'next', patch: { name: '홍길동', number: '01012345678' } } as const] : []),
      { kind: 'next', patch: { carrier: 'SKT', method } },
      { kind: 'next', patch: { name: '홍길동', number: '01012345678', started } },
    ],
    context,
  );
}

describe('gate flow: loading', () => {
  it('starts loading, then consent when a check is needed', () => {
    assert.equal(initialGateState.step, 'loading');
    const { state, notices } = run([configured]);
    assert.equal(state.step, 'consent');
    assert.deepEqual(notices, []);
  });

  it('skips with a notice when the policy needs no check now', () => {
    const { state, notices } = run([{ kind: 'configured', required: false, purpose: 'daily' }]);
    assert.equal(state.step, 'skipped');
    assert.deepEqual(notices, [{ kind: 'skip', purpose: 'daily' }]);
  });

  it('shows the unavailable screen when the config fails; an expired session also tells the page', () => {
    const offline = run([{ kind: 'load-failed', code: 'NETWORK', message: '연결 없음' }]);
    assert.equal(offline.state.step, 'unavailable');
    assert.deepEqual(offline.notices, []);
    const expired = run([{ kind: 'load-failed', code: 'UNAUTHORIZED', message: '만료' }]);
    assert.deepEqual(expired.notices, [{ kind: 'failure', code: 'UNAUTHORIZED', message: '만료' }]);
  });

  it('a reload starts over from loading, forgetting the earlier run', () => {
    const { state } = run([{ kind: 'load' }], desktop, at('phone-identity', { unlock: false, from: 'consent', name: '홍길동' }));
    assert.deepEqual(state, initialGateState);
    assert.deepEqual(run([configured], desktop, state).state, { ...initialGateState, step: 'consent' });
  });
});

describe('gate flow: consent and mOTP', () => {
  it('consent → MOTP인증하기 → mOTP, remembering the tick', () => {
    const { state } = run([configured, { kind: 'choose', method: 'motp' }]);
    assert.deepEqual([state.step, state.agreed], ['motp', true]);
  });

  it('mOTP verified → done, and the page hears success', () => {
    const { state, notices } = run([configured, { kind: 'choose', method: 'motp' }, { kind: 'verified', result: token('exam', 'motp') }]);
    assert.equal(state.step, 'done');
    assert.deepEqual(notices, [{ kind: 'success', result: token('exam', 'motp') }]);
  });

  it('a failure stays on its screen and tells the page', () => {
    const before = at('motp');
    const { state, notices } = run([{ kind: 'failed', code: 'LOCKED', message: '잠김' }], motpOnly, before);
    assert.equal(state, before);
    assert.deepEqual(notices, [{ kind: 'failure', code: 'LOCKED', message: '잠김' }]);
  });

  it('mOTP back → consent, still ticked', () => {
    const { state } = run([{ kind: 'back' }], desktop, at('motp'));
    assert.deepEqual([state.step, state.agreed], ['consent', true]);
  });

  it('lock → 휴대폰 인증으로 잠금 해제 → phone check for motp-unlock → mOTP again, unlocked → success', () => {
    const events: GateEvent[] = [
      configured,
      { kind: 'choose', method: 'motp' },
      { kind: 'phone', unlock: true },
    ];
    let { state } = run(events);
    assert.equal(state.step, 'phone-method');
    assert.deepEqual(state.phone, { unlock: true, from: 'motp' });
    ({ state } = run(
      [
        { kind: 'next', patch: { carrier: 'KT', method: 'app' } },
        { kind: 'next', patch: { name: '홍길동', number: '01012345678', started } },
      ],
      desktop,
      state,
    ));
    assert.equal(state.step, 'phone-wait');
    const unlocked = run([{ kind: 'verified', result: token('motp-unlock', 'app') }], desktop, state);
    assert.deepEqual([unlocked.state.step, unlocked.state.unlocked, unlocked.state.phone], ['motp', true, {}]);
    assert.deepEqual(unlocked.notices, [], 'the unlock is not the verification the page waits for');
    const done = run([{ kind: 'verified', result: token('exam', 'motp') }], desktop, unlocked.state);
    assert.equal(done.state.step, 'done');
    assert.deepEqual(done.notices, [{ kind: 'success', result: token('exam', 'motp') }]);
  });

  it('back from the unlocking phone check returns to mOTP', () => {
    const { state } = run([{ kind: 'back' }], desktop, at('phone-method', { unlock: true, from: 'motp' }));
    assert.equal(state.step, 'motp');
  });
});

describe('gate flow: 대체인증 (phone in place of mOTP)', () => {
  it('with mOTP unavailable, consent → 휴대폰인증하기 → the phone path', () => {
    const { state } = run([configured, { kind: 'choose', method: 'phone' }], substitute);
    assert.deepEqual([state.step, state.phone], ['phone-method', { unlock: false, from: 'consent' }]);
  });

  it('mOTP upstream down → 휴대폰 인증 → the phone path, and back returns to mOTP', () => {
    let { state } = run([configured, { kind: 'choose', method: 'motp' }, { kind: 'phone', unlock: false }]);
    assert.deepEqual([state.step, state.phone], ['phone-method', { unlock: false, from: 'motp' }]);
    ({ state } = run([{ kind: 'back' }], desktop, state));
    assert.equal(state.step, 'motp');
  });
});

describe('gate flow: the phone methods', () => {
  for (const [method, route] of Object.entries(PHONE_ROUTES) as [PhoneMethod, readonly string[]][]) {
    it(`${method}: consent → carrier and method → ${route.join(' → ')} → done`, () => {
      const { state } = throughPhone(method);
      assert.equal(state.step, route.at(-1));
      assert.deepEqual(state.phone, { unlock: false, from: 'consent', carrier: 'SKT', method, name: '홍길동', number: '01012345678', started });
      const done = run([{ kind: 'verified', result: token('exam', method) }], desktop, state);
      assert.equal(done.state.step, 'done');
      assert.deepEqual(done.notices, [{ kind: 'success', result: token('exam', method) }]);
    });
  }

  it('SMS waits on the code screen, PASS and QR on the approval screen', () => {
    assert.equal(throughPhone('sms').state.step, 'phone-sms');
    assert.equal(throughPhone('app').state.step, 'phone-wait');
    assert.equal(throughPhone('qr').state.step, 'phone-wait');
  });

  it('처음부터 다시 returns to the identity screen, keeping carrier and method', () => {
    for (const method of ['app', 'qr', 'sms'] as const) {
      const { state } = run([{ kind: 'restart' }], desktop, throughPhone(method).state);
      assert.deepEqual([state.step, state.phone.method, state.phone.carrier], ['phone-identity', method, 'SKT']);
    }
  });
});

describe('gate flow: mobile (사진 1 / 사진 2)', () => {
  it('mOTP → 휴대폰 인증 → name and phone first → carrier and method, carrying both', () => {
    let { state } = run([configured, { kind: 'choose', method: 'motp' }, { kind: 'phone', unlock: false }], mobile);
    assert.equal(state.step, 'phone-intro');
    ({ state } = run([{ kind: 'next', patch: { name: '홍길동', number: '01012345678' } }], mobile, state));
    assert.equal(state.step, 'phone-method');
    assert.deepEqual(state.phone, { unlock: false, from: 'motp', name: '홍길동', number: '01012345678' });
  });

  it('consent → 휴대폰 인증 goes straight to name and phone', () => {
    const { state } = run([configured, { kind: 'choose', method: 'phone' }], mobile);
    assert.deepEqual([state.step, state.phone.from], ['phone-intro', 'consent']);
  });

  it('a second phone run keeps the name and phone typed on the first', () => {
    const { state } = run([{ kind: 'phone', unlock: true }], mobile, at('motp', { name: '홍길동', number: '01012345678' }));
    assert.deepEqual(state.phone, { unlock: true, from: 'motp', name: '홍길동', number: '01012345678' });
  });

  it('back walks carrier → intro → where the phone path started', () => {
    const phone = { unlock: false, from: 'motp' as const };
    assert.equal(run([{ kind: 'back' }], mobile, at('phone-method', phone)).state.step, 'phone-intro');
    assert.equal(run([{ kind: 'back' }], mobile, at('phone-intro', phone)).state.step, 'motp');
    assert.equal(run([{ kind: 'back' }], mobile, at('phone-intro', { ...phone, from: 'consent' })).state.step, 'consent');
  });
});

describe('gate flow: back and cancel from every screen', () => {
  const phone: Partial<PhoneFlow> = { unlock: false, from: 'consent', carrier: 'SKT', method: 'sms', started };
  const expectedBack: Record<string, GateStep> = {
    consent: 'consent',
    motp: 'consent',
    'phone-intro': 'consent',
    'phone-method': 'consent',
    'phone-identity': 'phone-method',
    'phone-sms': 'phone-identity',
  };
  for (const [step, back] of Object.entries(expectedBack)) {
    it(`${step}: back → ${back}; cancel → consent, unticked, with a notice`, () => {
      assert.equal(run([{ kind: 'back' }], desktop, at(step as GateStep, phone)).state.step, back);
      const cancelled = run([{ kind: 'cancel' }], desktop, at(step as GateStep, phone));
      assert.deepEqual(cancelled.state, { ...initialGateState, step: 'consent' });
      assert.deepEqual(cancelled.notices, [{ kind: 'cancel' }]);
    });
  }

  it('PASS/QR waiting screen: back → identity', () => {
    assert.equal(run([{ kind: 'back' }], desktop, at('phone-wait', { ...phone, method: 'app' })).state.step, 'phone-identity');
  });

  it('provider window screen (NICE): back → where the phone path started', () => {
    const windowOnly = { ...desktop, windowOnly: true };
    assert.equal(run([{ kind: 'back' }], windowOnly, at('phone-window', { ...phone, method: 'window' })).state.step, 'consent');
  });

  it('every phone screen is covered by the checks above', () => {
    assert.deepEqual(
      PHONE_STEPS.filter((step) => !(step in expectedBack) && step !== 'phone-wait' && step !== 'phone-window'),
      [],
    );
  });
});

describe('gate flow: the phone chunk loading', () => {
  const cold: GateContext = { ...desktop, phoneReady: false };

  it('keeps the current screen while the phone screens load, then shows the one asked for', () => {
    let { state } = run([configured, { kind: 'choose', method: 'phone' }], cold);
    assert.deepEqual([state.step, state.pending], ['consent', 'phone-method']);
    ({ state } = run([{ kind: 'phone-loaded' }], desktop, state));
    assert.deepEqual([state.step, state.pending], ['phone-method', undefined]);
  });

  it('a newer click wins over the older load', () => {
    let { state } = run([configured, { kind: 'choose', method: 'phone' }, { kind: 'choose', method: 'motp' }], cold);
    assert.deepEqual([state.step, state.pending], ['motp', undefined]);
    ({ state } = run([{ kind: 'phone-loaded' }], desktop, state));
    assert.equal(state.step, 'motp', 'the late chunk does not pull the learner away');
  });

  it('cancel while the phone screens load stays on consent', () => {
    let { state } = run([configured, { kind: 'choose', method: 'phone' }, { kind: 'cancel' }], cold);
    ({ state } = run([{ kind: 'phone-loaded' }], desktop, state));
    assert.deepEqual([state.step, state.pending], ['consent', undefined]);
  });
});
