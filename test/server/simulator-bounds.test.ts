/** The simulated phones live in memory; past their bound the least recently used line is forgotten. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSimulatorPhoneProvider, SIMULATOR_MAX_LINES } from '../../src/server/providers/phone/simulator.js';

const phoneOf = (n: number) => `010-${String(5000 + Math.floor(n / 10_000))}-${String(n % 10_000).padStart(4, '0')}`;

describe('simulator memory', () => {
  test(`past ${SIMULATOR_MAX_LINES} lines the oldest is forgotten: its phone gets no SMS, the newest does`, async () => {
    const simulator = createSimulatorPhoneProvider({ subscribers: [] });
    for (let n = 0; n <= SIMULATOR_MAX_LINES; n++) {
      await simulator.register({ name: '홍길동', phone: phoneOf(n), birth: '900101-1' });
    }
    const send = (n: number) =>
      simulator.start({ tx: `tx-${n}`, carrier: 'SKT', method: 'sms', name: '홍길동', phone: phoneOf(n).replace(/-/g, ''), birth: '900101-1' });
    await send(0);
    await send(SIMULATOR_MAX_LINES);
    assert.equal((await simulator.inbox(phoneOf(0))).length, 0);
    assert.equal((await simulator.inbox(phoneOf(SIMULATOR_MAX_LINES))).length, 1);
  });
});
