/**
 * Status streams on a phone check: streams watching one transaction share one poll of the
 * provider, and one session may hold only a few open at once.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { createSimulatorPhoneProvider } from '../../src/server/index.js';
import { PHONE_EVENTS_POLL_MS } from '../../src/server/routes/phone.js';
import { PHONE_STREAMS_PER_SESSION, PHONE_STREAMS_RETRY_AFTER } from '../../src/server/policy/phone-streams.js';
import { call, ORIGIN, rig, type Rig } from './helpers.js';
import { start } from './phone-helpers.js';

/** A rig whose simulated carrier counts how often it is asked where a request stands. */
async function countingRig() {
  const simulator = createSimulatorPhoneProvider();
  const counter = { status: 0 };
  const phone = {
    ...simulator,
    status(tx: string) {
      counter.status++;
      return simulator.status(tx);
    },
  };
  return { r: await rig({ phone }), counter };
}

/** Opens the event stream of `tx`; the response, its first frame read, and a way to close it. */
async function openStream(r: Rig, session: string, tx: string) {
  const abort = new AbortController();
  const response = await r.app.fetch(
    new Request(`${ORIGIN}/v1/phone/${tx}/events`, { headers: { Authorization: `Bearer ${session}` }, signal: abort.signal }),
  );
  if (response.status !== 200) return { response, close: () => undefined, rest: async () => '' };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
  return {
    response,
    first: text,
    /** Everything after the first frame until the stream ends. */
    async rest() {
      let more = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return more;
        more += value;
      }
    },
    close: () => abort.abort(),
  };
}

describe('phone status streams', () => {
  test('100 idle streams on one PASS request: the provider is asked about once per poll interval, not 100×', async () => {
    const { r, counter } = await countingRig();
    const { session } = await r.session();
    const tx = (await start(r, session, { method: 'app' })).body.tx as string;
    // One learner's hundred tabs: a session each, as each page load mints one.
    const sessions = await Promise.all(Array.from({ length: 100 }, () => r.session()));
    const streams = await Promise.all(sessions.map((s) => openStream(r, s.session, tx)));
    for (const stream of streams) {
      assert.equal(stream.response.status, 200);
      assert.match(stream.first!, /^event: status\ndata: \{"status":"pending"/);
    }

    const before = counter.status;
    const intervals = 4;
    await sleep(intervals * PHONE_EVENTS_POLL_MS + 100);
    const asked = counter.status - before;
    assert.ok(asked >= intervals - 1 && asked <= intervals + 2, `status() asked ${asked} times in ${intervals} intervals`);

    await call(r.app, 'POST', `/v1/dev/pass/${tx}/approve`, { body: {} });
    const rests = await Promise.all(streams.map((stream) => stream.rest()));
    for (const rest of rests) assert.match(rest, /event: status\ndata: \{"status":"approved","expiresIn":0\}\n\n$/);

    // The last stream gone, nobody asks any more.
    const after = counter.status;
    await sleep(3 * PHONE_EVENTS_POLL_MS);
    assert.equal(counter.status, after);
  });

  test('a stream joining a running poll gets the current status at once, and leaving does not stop the others', async () => {
    const { r } = await countingRig();
    const { session } = await r.session();
    const tx = (await start(r, session, { method: 'qr' })).body.tx as string;
    const first = await openStream(r, session, tx);
    const second = await openStream(r, session, tx);
    assert.match(second.first!, /"status":"pending"/);
    first.close();
    r.advance(180_000);
    assert.match(await second.rest(), /"status":"expired"/);
  });

  test(`one session holds at most ${PHONE_STREAMS_PER_SESSION} streams; past that 429 with Retry-After; a closed one frees its slot`, async () => {
    const { r } = await countingRig();
    const { session } = await r.session();
    const tx = (await start(r, session, { method: 'app' })).body.tx as string;
    const open = [];
    for (let n = 0; n < PHONE_STREAMS_PER_SESSION; n++) open.push(await openStream(r, session, tx));
    for (const stream of open) assert.equal(stream.response.status, 200);

    const refused = await openStream(r, session, tx);
    assert.equal(refused.response.status, 429);
    assert.equal(refused.response.headers.get('Retry-After'), String(PHONE_STREAMS_RETRY_AFTER));
    const body = (await refused.response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.match(body.error.message, /event streams per session/);

    // Another session of the same learner has slots of its own.
    const other = await r.session();
    const elsewhere = await openStream(r, other.session, tx);
    assert.equal(elsewhere.response.status, 200);
    elsewhere.close();

    open[0]!.close();
    let reopened = 0;
    for (let tries = 0; tries < 50 && reopened !== 200; tries++) {
      await sleep(10);
      const again = await openStream(r, session, tx);
      reopened = again.response.status;
      if (reopened === 200) again.close();
    }
    assert.equal(reopened, 200, 'the closed stream gave its slot back');
    for (const stream of open) stream.close();
  });
});
