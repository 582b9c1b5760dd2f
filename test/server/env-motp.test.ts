/** `IDV_MOTP` and the HRD Korea variables, and the demo they set up (`npm start`). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import { createDemoApp } from '../../demo/app.js';
import { startupBanner } from '../../demo/banner.js';
import { setupDemoMotp } from '../../demo/motp-setup.js';
import { EnvConfigError, readMotpEnv, type Env } from '../../src/server/index.js';

const refusedNaming = (variable: string) => (error: unknown) => error instanceof EnvConfigError && error.variable === variable;

describe('IDV_MOTP', () => {
  test('unset or empty: the built-in TOTP provider', () => {
    assert.deepEqual(readMotpEnv({}), { kind: 'totp' });
    assert.deepEqual(readMotpEnv({ IDV_MOTP: '' }), { kind: 'totp' });
    assert.deepEqual(readMotpEnv({ IDV_MOTP: 'totp' }), { kind: 'totp' });
  });

  test('hrdk: the agent id is required; the URLs default to HRD Korea\'s own', () => {
    assert.throws(() => readMotpEnv({ IDV_MOTP: 'hrdk' }), refusedNaming('IDV_HRDK_AGENT_ID'));
    assert.deepEqual(readMotpEnv({ IDV_MOTP: 'hrdk', IDV_HRDK_AGENT_ID: 'edu-agent' }), {
      kind: 'hrdk',
      agentId: 'edu-agent',
      baseUrl: 'https://emonotp.hrdkorea.or.kr/',
      logUrl: 'https://emon.hrdkorea.or.kr/EAIServer/SOURCE/ExConn/LMS/pSubOtpLog.jsp',
    });
    const local = readMotpEnv({
      IDV_MOTP: 'hrdk',
      IDV_HRDK_AGENT_ID: 'edu-agent',
      IDV_HRDK_URL: 'http://127.0.0.1:9000',
      IDV_HRDK_LOG_URL: 'http://127.0.0.1:9000/log.jsp',
    });
    assert.deepEqual(local, { kind: 'hrdk', agentId: 'edu-agent', baseUrl: 'http://127.0.0.1:9000/', logUrl: 'http://127.0.0.1:9000/log.jsp' });
  });

  test('hrdk-fake: an agent id of its own unless one is given', () => {
    assert.deepEqual(readMotpEnv({ IDV_MOTP: 'hrdk-fake' }), { kind: 'hrdk-fake', agentId: 'demo-agent' });
    assert.deepEqual(readMotpEnv({ IDV_MOTP: 'hrdk-fake', IDV_HRDK_AGENT_ID: 'mine' }), { kind: 'hrdk-fake', agentId: 'mine' });
  });

  const refused: Array<[Env, string]> = [
    [{ IDV_MOTP: 'HRDK' }, 'IDV_MOTP'],
    [{ IDV_MOTP: 'hrd' }, 'IDV_MOTP'],
    [{ IDV_MOTP: 'hrdk', IDV_HRDK_AGENT_ID: 'edu agent' }, 'IDV_HRDK_AGENT_ID'],
    [{ IDV_MOTP: 'hrdk', IDV_HRDK_AGENT_ID: 'a', IDV_HRDK_URL: 'emonotp.hrdkorea.or.kr' }, 'IDV_HRDK_URL'],
    [{ IDV_MOTP: 'hrdk', IDV_HRDK_AGENT_ID: 'a', IDV_HRDK_LOG_URL: 'ftp://emon/log' }, 'IDV_HRDK_LOG_URL'],
    // Beside a provider that would ignore it: most likely IDV_MOTP was forgotten.
    [{ IDV_HRDK_URL: 'http://127.0.0.1:9000' }, 'IDV_HRDK_URL'],
    [{ IDV_MOTP: 'totp', IDV_HRDK_AGENT_ID: 'a' }, 'IDV_HRDK_AGENT_ID'],
    [{ IDV_MOTP: 'hrdk-fake', IDV_HRDK_LOG_URL: 'http://127.0.0.1:9000/log' }, 'IDV_HRDK_LOG_URL'],
  ];
  for (const [env, variable] of refused) {
    test(`refused, naming ${variable}: ${JSON.stringify(env)}`, () => {
      assert.throws(() => readMotpEnv(env), refusedNaming(variable));
    });
  }

  test('a URL carrying credentials is refused without repeating them (they would reach the banner and the log)', () => {
    for (const variable of ['IDV_HRDK_URL', 'IDV_HRDK_LOG_URL']) {
      for (const url of ['http://user:s3cret-pw@127.0.0.1:9000/x', 'not a url s3cret-pw']) {
        assert.throws(
          () => readMotpEnv({ IDV_MOTP: 'hrdk', IDV_HRDK_AGENT_ID: 'a', [variable]: url }),
          (error: unknown) => refusedNaming(variable)(error) && !String((error as Error).message).includes('s3cret-pw'),
        );
      }
    }
  });
});

describe('the demo on IDV_MOTP', () => {
  const ORIGIN = 'http://127.0.0.1:8080';
  const demoWith = async (env: Env) => {
    const motp = await setupDemoMotp(env);
    return { motp, demo: createDemoApp({ origin: ORIGIN, distDir: '/nonexistent', scriptDir: '/nonexistent', verify: motp.verify }) };
  };
  const post = async (demo: { fetch: (request: Request) => Response | Promise<Response> }, path: string, body: unknown, bearer?: string) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) };
    const response = await demo.fetch(new Request(`${ORIGIN}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  test('hrdk-fake: the fake runs in the process, the simulator shows its codes, and the real adapter accepts them', async () => {
    const { motp, demo } = await demoWith({ IDV_MOTP: 'hrdk-fake' });
    try {
      assert.equal(demo.verify.devRoutes, true);
      assert.match(motp.label, /HRD Korea FAKE .* http:\/\/127\.0\.0\.1:\d+/);
      assert.match(startupBanner(ORIGIN, { devRoutes: true, motp: motp.label }), /mOTP +HRD Korea FAKE/);
      const { body: minted } = await post(demo, '/v1/dev/session', {});
      const { body: enrolled } = await post(demo, '/v1/dev/motp/enroll', { phone: '010-1234-5678' });
      const secret = new URL(enrolled.otpauth!).searchParams.get('secret')!;
      const otp = await generate({ secret, period: 60 });
      const verified = await post(demo, '/v1/motp/verify', { otp, phone: '010-1234-5678' }, minted.session);
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
    } finally {
      await motp.close();
    }
  });

  test('hrdk: the dev routes stay off unless IDV_DEV_ROUTES=1', async () => {
    const real = { IDV_MOTP: 'hrdk', IDV_HRDK_AGENT_ID: 'edu-agent', IDV_HRDK_URL: 'http://127.0.0.1:9' };
    const off = await demoWith(real);
    assert.equal(off.demo.verify.devRoutes, false);
    assert.equal((await post(off.demo, '/v1/dev/session', {})).status, 404);
    const on = await demoWith({ ...real, IDV_DEV_ROUTES: '1' });
    assert.equal(on.demo.verify.devRoutes, true);
    assert.equal((await post(on.demo, '/v1/dev/session', {})).status, 200);
  });

  test('default: the built-in TOTP provider, whose enrolment the simulator uses', async () => {
    const { motp, demo } = await demoWith({});
    assert.equal(motp.label, 'built-in TOTP');
    assert.equal(demo.verify.devRoutes, true);
    assert.equal((await post(demo, '/v1/dev/motp/enroll', { phone: '010-1234-5678' })).status, 200);
  });
});
