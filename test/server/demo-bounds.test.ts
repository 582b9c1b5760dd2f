/**
 * The demo remembers each course page (its session's nonce) and each `?learner=`'s phone, in
 * the store (so that two demo processes on one Redis are one site). Every visit adds to them,
 * so every entry expires: a page once its session and last token are over, a learner's phone
 * a day after their last page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createDemoApp, DEMO_LEARNER, DEMO_LEARNER_TTL_MS, type DemoOptions } from '../../demo/app.js';
import { createMemoryStore } from '../../src/server/index.js';

const ORIGIN = 'http://127.0.0.1:8080';
const distDir = mkdtempSync(join(tmpdir(), 'demo-bounds-'));
writeFileSync(join(distDir, 'index.html'), 'page=__PAGE_ID__ phone=__PHONE__ session=__SESSION__');

function demo(options: Partial<DemoOptions> = {}) {
  const app = createDemoApp({ origin: ORIGIN, distDir, scriptDir: distDir, ...options });
  return {
    /** Loads the course page of `learner`: its page id and phone. */
    async visit(learner: string) {
      const text = await (await app.fetch(new Request(`${ORIGIN}/?learner=${learner}`))).text();
      const [, page, phone] = /page=(\S+) phone=(\S+)/.exec(text)!;
      return { page: page!, phone: phone! };
    },
    /** What the LMS side says about a (bogus) token sent back from `page`. */
    async verdict(page: string) {
      const response = await app.fetch(
        new Request(`${ORIGIN}/lms/verify-token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ pageId: page, token: 'not-a-token' }),
        }),
      );
      return ((await response.json()) as { reason: string }).reason;
    },
  };
}

const FORGOTTEN = 'unknown page or token';

describe('demo memory', () => {
  test("a page is forgotten once its session's life is over", async () => {
    let now = Date.UTC(2025, 2, 10, 3);
    const d = demo({ verify: { clock: () => now } });
    const { page } = await d.visit('ttl');
    now += 30 * 60_000;
    assert.notEqual(await d.verdict(page), FORGOTTEN, 'still within the session and its last token');
    now += 6 * 60_000;
    assert.equal(await d.verdict(page), FORGOTTEN);
  });

  test('a learner unseen for a day gets a new phone, never one another learner holds', async () => {
    let now = Date.UTC(2025, 2, 10, 3);
    const d = demo({ verify: { clock: () => now } });
    const a = (await d.visit('phone-a')).phone;
    assert.equal((await d.visit('phone-a')).phone, a, 'a learner keeps their phone while remembered');
    const b = (await d.visit('phone-b')).phone;
    now += DEMO_LEARNER_TTL_MS + 1;
    const again = (await d.visit('phone-a')).phone;
    assert.notEqual(again, a, 'phone-a was forgotten');
    assert.equal(new Set([a, b, again]).size, 3);
    assert.equal((await d.visit('learner-001')).phone, DEMO_LEARNER.phone);
  });

  test("after a day of no visits the store holds nothing of the demo's pages or learners", async () => {
    let now = Date.UTC(2025, 2, 10, 3);
    const clock = () => now;
    const store = createMemoryStore({ clock });
    const d = demo({ verify: { clock, store } });
    for (let n = 0; n < 50; n++) await d.visit(`visitor-${n}`);
    assert.ok(store.dump().some(([key]) => key.startsWith('demo:page:')));
    now += DEMO_LEARNER_TTL_MS + 1;
    const left = store.dump().filter(([key]) => key.startsWith('demo:page:') || key.startsWith('demo:learner:'));
    assert.deepEqual(left, []);
  });
});

describe('demo LMS endpoint', () => {
  test('/lms/verify-token refuses a 10 MB body with 413 after reading no more than the cap', async () => {
    const app = createDemoApp({ origin: ORIGIN, distDir, scriptDir: distDir });
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 10 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await app.fetch(
      new Request(`${ORIGIN}/lms/verify-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 413);
    assert.ok(pulled <= 4 * chunk.byteLength, `read ${pulled} bytes`);
  });

  test('a body declaring 10 MB is refused by its Content-Length', async () => {
    const app = createDemoApp({ origin: ORIGIN, distDir, scriptDir: distDir });
    const response = await app.fetch(
      new Request(`${ORIGIN}/lms/verify-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) },
        body: '{}',
      }),
    );
    assert.equal(response.status, 413);
  });
});
