/** The gate's flow with a server that offers the phone check only in the provider's window (NICE). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advance, initialGateState, type GateContext, type GateEvent, type GateState } from '../../src/id-verify-gate/gate-flow.js';

const nice: GateContext = { mobile: false, offered: ['phone', 'motp'], phoneReady: true, windowOnly: true };

function run(events: GateEvent[], context: GateContext = nice, state: GateState = initialGateState) {
  for (const event of events) state = advance(state, event, context).state;
  return state;
}
const configured: GateEvent = { kind: 'configured', required: true, purpose: 'exam' };

describe('gate flow: the provider window', () => {
  it('휴대폰인증하기 goes straight to the window screen: no carrier, method or identity screens of ours', () => {
    const state = run([configured, { kind: 'choose', method: 'phone' }]);
    assert.equal(state.step, 'phone-window');
    assert.equal(state.phone.method, 'window');
    assert.equal(run([configured, { kind: 'choose', method: 'phone' }], { ...nice, mobile: true }).step, 'phone-window', 'mobile too');
  });

  it('이전 from the window screen returns where the phone path started', () => {
    assert.equal(run([configured, { kind: 'choose', method: 'phone' }, { kind: 'back' }]).step, 'consent');
    const fromMotp = run([configured, { kind: 'choose', method: 'motp' }, { kind: 'phone', unlock: true }, { kind: 'back' }]);
    assert.equal(fromMotp.step, 'motp');
  });

  it('처음부터 다시 stays on the window screen; an unlock run keeps its purpose', () => {
    const unlock = run([configured, { kind: 'choose', method: 'motp' }, { kind: 'phone', unlock: true }]);
    assert.equal(unlock.step, 'phone-window');
    assert.equal(unlock.phone.unlock, true);
    assert.equal(run([{ kind: 'restart' }], nice, unlock).step, 'phone-window');
  });

  it('back from the same-window fallback: the config resumes on the window screen', () => {
    const state = run([{ ...configured, resume: true }]);
    assert.equal(state.step, 'phone-window');
    assert.equal(state.agreed, true);
    const waiting = run([{ ...configured, resume: true }], { ...nice, phoneReady: false });
    assert.equal(waiting.pending, 'phone-window', 'the screen waits for its code');
  });

  it('a server with its own screens is not affected: the carrier and method screen comes first', () => {
    assert.equal(run([configured, { kind: 'choose', method: 'phone' }], { ...nice, windowOnly: false }).step, 'phone-method');
  });
});
