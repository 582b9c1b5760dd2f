/**
 * The simulated phones live in the store, and nothing there lives for ever: a line registered
 * by a session is forgotten a day after its last registration, its inbox after an hour.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore } from '../../src/server/index.js';
import { createSimulatorPhoneProvider, SIMULATOR_LINE_TTL_MS } from '../../src/server/providers/phone/simulator.js';

describe('simulator memory', () => {
  test('a line no session registered again for a day is forgotten: its phone gets no SMS, and the store holds nothing of it', async () => {
    let now = Date.UTC(2025, 2, 10, 3);
    const clock = () => now;
    const store = createMemoryStore({ clock });
    const simulator = createSimulatorPhoneProvider({ subscribers: [], store, clock });
    const send = (tx: string, phone: string) =>
      simulator.start({ tx, carrier: 'SKT', method: 'sms', name: '홍길동', phone, birth: '900101-1' });
    await simulator.register({ name: '홍길동', phone: '010-5000-0001', birth: '900101-1' });
    await simulator.register({ name: '홍길동', phone: '010-5000-0002', birth: '900101-1' });
    now += SIMULATOR_LINE_TTL_MS / 2;
    await simulator.register({ name: '홍길동', phone: '010-5000-0002', birth: '900101-1' });
    now += SIMULATOR_LINE_TTL_MS / 2 + 1;
    await send('tx-old', '01050000001');
    await send('tx-kept', '01050000002');
    assert.equal((await simulator.inbox('010-5000-0001')).length, 0, 'forgotten a day after its registration');
    assert.equal((await simulator.inbox('010-5000-0002')).length, 1, 'registered again: still known');
    now += SIMULATOR_LINE_TTL_MS * 2;
    assert.deepEqual(store.dump(), [], 'everything the simulator wrote has expired');
  });
});
