/** The default audit sink is a ring: a long-running process keeps the newest records only. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryAuditSink, MEMORY_AUDIT_CAPACITY, type AuditRecord } from '../../src/server/index.js';
import { rig, verifyMotp } from './helpers.js';

const record = (at: number): AuditRecord => ({ at, subject: 'learner-001', purpose: 'login', method: 'motp', result: 'INVALID_CODE' });

describe('in-memory audit ring', () => {
  test('past its capacity the oldest records make room, and the rest stay in order', () => {
    const sink = createMemoryAuditSink({ capacity: 3 });
    for (let at = 1; at <= 2; at++) sink.write(record(at));
    assert.deepEqual(sink.records().map((r) => r.at), [1, 2]);
    for (let at = 3; at <= 8; at++) sink.write(record(at));
    assert.deepEqual(sink.records().map((r) => r.at), [6, 7, 8]);
  });

  test('the default sink holds at most MEMORY_AUDIT_CAPACITY records', () => {
    const sink = createMemoryAuditSink();
    for (let at = 0; at < MEMORY_AUDIT_CAPACITY + 500; at++) sink.write(record(at));
    const kept = sink.records();
    assert.equal(kept.length, MEMORY_AUDIT_CAPACITY);
    assert.equal(kept[0]!.at, 500);
    assert.equal(kept.at(-1)!.at, MEMORY_AUDIT_CAPACITY + 499);
  });

  test('a capacity that is not a positive whole number is refused', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) assert.throws(() => createMemoryAuditSink({ capacity }), RangeError);
  });

  test("app.auditLog() reads the app's default ring", async () => {
    const r = await rig();
    const { session } = await r.session();
    await verifyMotp(r.app, session, await r.wrongCode());
    assert.deepEqual(r.app.auditLog().map((entry) => entry.result), ['INVALID_CODE']);
  });
});
