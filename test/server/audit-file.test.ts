/** The audit file: JSON Lines in write order, rotated by KST day or by size, and nothing personal in it. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createFileAuditSink, type AuditRecord } from '../../src/server/index.js';
import { PHONE, rig, T0, verifyMotp } from './helpers.js';
import { BIRTH, latestCode, NAME, startSms, verifySms } from './phone-helpers.js';

const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function folder(): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), 'idv-audit-'));
  folders.push(path);
  return path;
}

const record = (at: number, n = 0): AuditRecord => ({
  at,
  subject: `learner-${n}`,
  purpose: 'login',
  method: 'motp',
  result: 'INVALID_CODE',
  attempt: 1,
});

/** Every line of every file in `dir`, parsed, by file name. */
async function linesIn(dir: string): Promise<Record<string, AuditRecord[]>> {
  const out: Record<string, AuditRecord[]> = {};
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name), 'utf8');
    assert.ok(text.endsWith('\n'), `${name} ends with a whole line`);
    out[name] = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord);
  }
  return out;
}

describe('audit file', () => {
  test('JSON Lines, one record per line, in write order even when 300 writes race', async () => {
    const dir = await folder();
    const sink = createFileAuditSink({ path: join(dir, 'audit.jsonl') });
    await Promise.all(Array.from({ length: 300 }, (_, n) => sink.write(record(T0 + n, n))));
    await sink.close();
    const files = await linesIn(dir);
    assert.deepEqual(Object.keys(files), ['audit.2025-03-10.jsonl']);
    assert.deepEqual(
      files['audit.2025-03-10.jsonl']!.map((r) => r.subject),
      Array.from({ length: 300 }, (_, n) => `learner-${n}`),
    );
  });

  test('daily rotation follows the KST day of each record; an existing file is appended to', async () => {
    const dir = await folder();
    const path = join(dir, 'audit.jsonl');
    const beforeMidnightKst = Date.UTC(2025, 2, 10, 14, 59, 0); // 23:59 KST
    const afterMidnightKst = Date.UTC(2025, 2, 10, 15, 1, 0); // 00:01 KST the next day
    const sink = createFileAuditSink({ path, rotate: 'daily' });
    await sink.write(record(beforeMidnightKst, 1));
    await sink.write(record(afterMidnightKst, 2));
    await sink.close();
    const again = createFileAuditSink({ path });
    await again.write(record(afterMidnightKst + 1, 3));
    await again.close();
    const files = await linesIn(dir);
    assert.deepEqual(
      Object.fromEntries(Object.entries(files).map(([name, lines]) => [name, lines.map((r) => r.subject)])),
      { 'audit.2025-03-10.jsonl': ['learner-1'], 'audit.2025-03-11.jsonl': ['learner-2', 'learner-3'] },
    );
  });

  test('size rotation: no file passes the limit, no line is split or lost', async () => {
    const dir = await folder();
    const path = join(dir, 'audit.jsonl');
    let now = T0;
    const sink = createFileAuditSink({ path, rotate: { maxBytes: 4096 }, clock: () => now++ });
    for (let n = 0; n < 200; n++) await sink.write(record(T0, n));
    await sink.close();
    const files = await linesIn(dir);
    assert.ok(Object.keys(files).length >= 3, `rotated into ${Object.keys(files).join(', ')}`);
    assert.ok('audit.jsonl' in files, 'the current file keeps its name');
    for (const name of Object.keys(files)) assert.ok((await stat(join(dir, name))).size <= 4096, name);
    const subjects = Object.entries(files)
      .sort(([a], [b]) => (a === 'audit.jsonl' ? 1 : b === 'audit.jsonl' ? -1 : a.localeCompare(b)))
      .flatMap(([, lines]) => lines.map((r) => r.subject));
    assert.deepEqual(
      subjects,
      Array.from({ length: 200 }, (_, n) => `learner-${n}`),
    );
    assert.throws(() => createFileAuditSink({ path, rotate: { maxBytes: 100 } }), RangeError);
  });

  test('a write that cannot reach the disk rejects (the request fails rather than lose evidence); the next one retries', async () => {
    const dir = await folder();
    const path = join(dir, 'blocked', 'audit.jsonl');
    await writeFile(join(dir, 'blocked'), 'a file where the folder should be');
    const sink = createFileAuditSink({ path, rotate: { maxBytes: 4096 } });
    await assert.rejects(sink.write(record(T0)));
    await rm(join(dir, 'blocked'));
    await sink.write(record(T0, 7));
    await sink.close();
    assert.deepEqual(
      (await linesIn(join(dir, 'blocked')))['audit.jsonl']!.map((r) => r.subject),
      ['learner-7'],
    );
  });

  test('the app writes every attempt to it, and no line holds a name, phone, birth date, code or session', async () => {
    const dir = await folder();
    const sink = createFileAuditSink({ path: join(dir, 'audit.jsonl') });
    const r = await rig({ audit: sink });
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    await verifyMotp(r.app, session, wrong);
    const motpCode = await r.code();
    assert.equal((await verifyMotp(r.app, session, motpCode)).status, 200);
    const tx = await startSms(r, session);
    const smsCode = await latestCode(r);
    assert.equal((await verifySms(r, session, tx, smsCode)).status, 200);
    await sink.close();
    const text = await readFile(join(dir, 'audit.2025-03-10.jsonl'), 'utf8');
    const results = text
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as AuditRecord).result);
    assert.deepEqual(results, ['INVALID_CODE', 'success', 'success', 'success']);
    const digits = PHONE.replace(/-/g, '');
    for (const secret of [NAME, PHONE, digits, digits.slice(3), BIRTH, BIRTH.slice(0, 6), wrong, motpCode, smsCode, session]) {
      assert.ok(!text.includes(secret), `the audit file holds ${secret}`);
    }
  });
});
