/**
 * The demo: an LMS course page at `/`, the phone simulator at `/phone`, and the verification
 * API at `/api`, in one fetch handler. The LMS part does what a real LMS server does: it mints
 * a session for the logged-in learner when it renders the page, and verifies the result token
 * the page sends back before trusting it.
 *
 * The LMS part keeps its state (which page got which nonce, used token ids, each demo
 * learner's phone) in the API's store, so that several demo processes on one Redis answer as
 * one site whichever process a request reaches.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { LIMITS } from '../src/protocol/index.js';
import {
  createMemoryStore,
  createStoreReplayGuard,
  createVerifyApp,
  verifyResultToken,
  TokenVerificationError,
  type VerifyApp,
  type VerifyAppOptions,
} from '../src/server/index.js';
import { PAGE_SECURE_HEADERS } from '../src/server/http/secure-headers.js';
import { SESSION_TTL_MS } from '../src/server/sessions.js';
import { STRICT_CSP } from './csp.js';

/** The demo learner (the seed manual's example member). */
export const DEMO_LEARNER = { name: '홍길동', phone: '010-1234-5678', birth: '900101-1' } as const;

/** The demo course, lesson 1: what HRD Korea receives as COURSE_AGENT_PK, CLASS_AGENT_PK and CLASS_TME. */
export const DEMO_COURSE = { coursePk: 'DEMO-COURSE', classPk: 'DEMO-COURSE-2025-1', classTime: '01' } as const;

const AUDIENCE = 'demo-lms';
/** A rendered page can send its token back while its session lives, and its last token after. */
const PAGE_TTL_MS = SESSION_TTL_MS + 5 * 60 * 1000;
/** A demo learner keeps the phone they were given this long after their last page. */
export const DEMO_LEARNER_TTL_MS = 24 * 60 * 60 * 1000;
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** Options of {@link createDemoApp}. */
export interface DemoOptions {
  /** Public origin, e.g. `http://127.0.0.1:8080`; the token issuer is `${origin}/api`. */
  origin: string;
  /** Folder with the built demo pages (`vite build -c demo/vite.config.ts`). */
  distDir: string;
  /** Folder with the script-tag build (`vite build --mode script`), served at `/dist/`. */
  scriptDir: string;
  /** Options for the verification API beyond the demo's own (providers, dev routes beside them). */
  verify?: Partial<VerifyAppOptions>;
  /** Fakes of outside services running in this process, name → URL: told to tests at `/dev/fakes`. */
  fakes?: Record<string, string>;
}

/** The demo: its fetch handler, and the verification API inside it. */
export interface DemoApp {
  /** Serves the pages and the API (`env` from the server adapter carries the socket). */
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  /** The verification API mounted at `/api`. */
  verify: VerifyApp;
}

/** Builds the demo's fetch handler. */
export function createDemoApp({ origin, distDir, scriptDir, verify: extra = {}, fakes = {} }: DemoOptions): DemoApp {
  const store = extra.store ?? createMemoryStore(extra.clock ? { clock: extra.clock } : {});
  const issuer = extra.issuer ?? `${origin}/api`;
  const audience = extra.audience ?? AUDIENCE;
  const verify = createVerifyApp({ basePath: '/api', simulator: true, ...extra, issuer, audience, store });
  const replay = createStoreReplayGuard(store, { prefix: 'demo:jti:' });
  /** Page id → the nonce of the session minted for that page (what an LMS keeps server-side). */
  const pages = {
    set: (pageId: string, page: { nonce: string; subject: string }) => store.set(`demo:page:${pageId}`, page, PAGE_TTL_MS),
    get: (pageId: string) => store.get<{ nonce: string; subject: string }>(`demo:page:${pageId}`),
  };
  const app = new Hono();
  /**
   * Each demo learner's phone: 홍길동's for the default learner, a fictional one for others,
   * numbered in the order learners first appear (the store holds the number, not the phone).
   */
  const phoneOf = async (learner: string) => {
    if (learner === 'learner-001') return DEMO_LEARNER.phone;
    const key = `demo:learner:${learner}`;
    let n = await store.get<number>(key);
    if (n === undefined) {
      const { count } = await store.chargeAttempt('demo:learner-count', Number.MAX_SAFE_INTEGER);
      await store.setIfAbsent(key, count - 1, DEMO_LEARNER_TTL_MS);
      n = (await store.get<number>(key)) ?? count - 1;
    }
    // 30 million numbers from 010-7000-0000 on; past them the count starts over.
    const slot = n % 30_000_000;
    return `010-${7000 + Math.floor(slot / 10000)}-${String(slot % 10000).padStart(4, '0')}`;
  };

  const page = async (name: string) => readFile(join(distDir, name), 'utf8');
  const htmlHeaders = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' };

  // The env carries the socket: without it the per-IP send cap cannot tell learners apart.
  // First, so that the API's answers keep the headers the API gave them.
  app.all('/api/*', (c) => verify.fetch(c.req.raw, c.env));

  // nosniff, no-referrer and the rest on every page and file; each page keeps its own strict CSP,
  // and the course page may open the window check's popup.
  app.use(secureHeaders(PAGE_SECURE_HEADERS));

  /**
   * Renders a course page for the learner picked by `?learner=`. A real LMS knows who is logged
   * in; the demo lets tests pick a learner id so that one test's mOTP lock or SMS throttle does
   * not spill into another's. Each learner has a phone of their own, linked from the page.
   */
  const coursePage = async (template: Promise<string>, query: (name: string) => string | undefined) => {
    const learner = query('learner') ?? 'learner-001';
    if (!/^[\w-]{1,64}$/.test(learner)) return undefined;
    const purpose = query('purpose') === 'daily' ? 'daily' : 'course-start';
    const phone = await phoneOf(learner);
    const { session, nonce } = await verify.createSession({ subject: learner, ...DEMO_LEARNER, phone, purpose, course: DEMO_COURSE });
    const pageId = crypto.randomUUID();
    await pages.set(pageId, { nonce, subject: learner });
    return (await template)
      .replace('__SESSION__', session)
      .replace('__PAGE_ID__', pageId)
      .replace('__PURPOSE__', purpose)
      .replace('__LANG__', query('lang') === 'en' ? 'en' : 'ko')
      .replaceAll('__PHONE__', phone);
  };

  app.get('/', async (c) => {
    const body = await coursePage(page('index.html'), (name) => c.req.query(name));
    return body ? c.body(body, 200, htmlHeaders) : c.text('bad learner id', 400);
  });

  // The same course, embedded the jQuery-era way: one <script> tag and the element, nothing else.
  app.get('/script-tag', async (c) => {
    const body = await coursePage(readFile(join(import.meta.dirname, 'script-tag.html'), 'utf8'), (name) => c.req.query(name));
    return body ? c.body(body, 200, htmlHeaders) : c.text('bad learner id', 400);
  });

  app.get('/dist/:file', async (c) => {
    const file = c.req.param('file');
    if (!/^id-verify[\w-]*\.js$/.test(file)) return c.notFound();
    try {
      return c.body(await readFile(join(scriptDir, file)), 200, { 'Content-Type': CONTENT_TYPES['.js']!, 'Cache-Control': 'no-cache' });
    } catch {
      return c.notFound();
    }
  });

  app.get('/phone', async (c) => c.body(await page('phone.html'), 200, htmlHeaders));

  // Where the in-process fakes listen (their SMS inboxes, what they received), for tests.
  app.get('/dev/fakes', (c) => (Object.keys(fakes).length > 0 ? c.json(fakes) : c.notFound()));

  // The LMS server's side: verify the token before trusting the page's claim of success.
  // Capped like the API's own bodies: a page id and a token fit many times over, and nothing
  // larger is read before it is refused.
  const tokenBodyLimit = bodyLimit({
    maxSize: LIMITS.maxBodyBytes,
    onError: (c) => c.json({ ok: false, reason: 'body too large' }, 413),
  });
  app.post('/lms/verify-token', tokenBodyLimit, async (c) => {
    const input = (await c.req.json().catch(() => null)) as { pageId?: unknown; token?: unknown } | null;
    const entry = typeof input?.pageId === 'string' && input.pageId.length <= 64 ? await pages.get(input.pageId) : undefined;
    if (!entry || typeof input?.token !== 'string') return c.json({ ok: false, reason: 'unknown page or token' }, 400);
    try {
      const claims = await verifyResultToken(input.token, {
        jwks: await verify.jwks(),
        issuer,
        audience,
        nonce: entry.nonce,
        replay,
      });
      return c.json({ ok: true, claims });
    } catch (error) {
      const reason = error instanceof TokenVerificationError ? error.reason : 'invalid';
      return c.json({ ok: false, reason }, 400);
    }
  });

  app.get('/assets/*', async (c) => {
    const path = normalize(c.req.path).replace(/^\/+/, '');
    if (!path.startsWith('assets/')) return c.notFound();
    try {
      const data = await readFile(join(distDir, path));
      return c.body(data, 200, {
        'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
    } catch {
      return c.notFound();
    }
  });

  return { fetch: (request, env) => app.fetch(request, env), verify };
}
