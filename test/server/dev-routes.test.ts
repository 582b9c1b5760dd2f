/**
 * The `/v1/dev/*` simulator calls mint sessions for anyone and reveal captcha answers and mOTP
 * secrets: they must need the boolean `true`, and a second explicit `true` beside a provider
 * that reaches an outside service.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createVerifyApp, VerifyAppConfigError, type PhoneProvider, type VerifyAppOptions } from '../../src/server/index.js';
import { envFlag, EnvConfigError } from '../../src/server/env.js';
import { AUDIENCE, call, ISSUER } from './helpers.js';

const base = { issuer: ISSUER, audience: AUDIENCE };

/** A phone provider that stands for a real one (PortOne, NICE): no simulator controls. */
const realPhone: PhoneProvider = {
  methods: ['app', 'sms'],
  start: async () => ({}),
  confirm: async () => ({ valid: false }),
  resend: async () => {},
  status: async () => ({ status: 'pending' }),
};
/** An mOTP provider that stands for HRD Korea's: it cannot enrol phones. */
const realMotp = { verify: async () => ({ valid: false as const }) };

const devSession = (options: VerifyAppOptions) =>
  call(createVerifyApp(options), 'POST', '/v1/dev/session', { body: {} }).then((answer) => answer.status);

describe('dev routes', () => {
  for (const value of ['false', 'true', 'yes', 1, 0, null, {}]) {
    test(`simulator: ${JSON.stringify(value)} is refused, not read as on`, () => {
      assert.throws(
        () => createVerifyApp({ ...base, simulator: value as unknown as boolean }),
        (error: unknown) => error instanceof VerifyAppConfigError && error.option === 'simulator',
      );
    });
  }

  test('devRoutesWithRealProviders must be a boolean too', () => {
    assert.throws(
      () => createVerifyApp({ ...base, simulator: true, devRoutesWithRealProviders: 'false' as unknown as boolean }),
      (error: unknown) => error instanceof VerifyAppConfigError && error.option === 'devRoutesWithRealProviders',
    );
  });

  test('off unless simulator is true', async () => {
    assert.equal(await devSession({ ...base }), 404);
    assert.equal(await devSession({ ...base, simulator: false }), 404);
    assert.equal(createVerifyApp({ ...base }).devRoutes, false);
    assert.equal(await devSession({ ...base, simulator: true }), 200);
    assert.equal(createVerifyApp({ ...base, simulator: true }).devRoutes, true);
  });

  test('refused beside a real phone or mOTP provider without the second option', () => {
    for (const options of [{ phone: realPhone }, { motp: realMotp }, { phone: realPhone, motp: realMotp }]) {
      assert.throws(
        () => createVerifyApp({ ...base, simulator: true, ...options }),
        (error: unknown) => error instanceof VerifyAppConfigError && /devRoutesWithRealProviders/.test(error.message),
      );
    }
  });

  test('beside a real provider with devRoutesWithRealProviders: true, on; a real provider alone starts fine', async () => {
    assert.equal(await devSession({ ...base, simulator: true, phone: realPhone, devRoutesWithRealProviders: true }), 200);
    assert.equal(await devSession({ ...base, phone: realPhone, motp: realMotp }), 404);
    // The second option alone turns nothing on.
    assert.equal(await devSession({ ...base, phone: realPhone, devRoutesWithRealProviders: true }), 404);
  });
});

describe('env flags', () => {
  test('only 1 and true are on; unset, empty, 0 and false are off; anything else is an error naming the variable', () => {
    for (const on of ['1', 'true', 'TRUE']) assert.equal(envFlag({ IDV_DEV_ROUTES: on }, 'IDV_DEV_ROUTES'), true, on);
    for (const off of [undefined, '', '0', 'false', 'False']) {
      assert.equal(envFlag({ IDV_DEV_ROUTES: off }, 'IDV_DEV_ROUTES'), false, String(off));
    }
    for (const bad of ['yes', 'on', '2', 'ture']) {
      assert.throws(
        () => envFlag({ IDV_DEV_ROUTES: bad }, 'IDV_DEV_ROUTES'),
        (error: unknown) => error instanceof EnvConfigError && error.variable === 'IDV_DEV_ROUTES',
      );
    }
  });
});

describe('npm start banner', () => {
  test('says loudly when the dev routes are on, and nothing of them when off', async () => {
    const { startupBanner } = await import('../../demo/banner.js');
    assert.match(startupBanner('http://127.0.0.1:8080', { devRoutes: true }), /DEV ROUTES ARE ON: http:\/\/127\.0\.0\.1:8080\/api\/v1\/dev\/\*/);
    assert.doesNotMatch(startupBanner('http://127.0.0.1:8080', { devRoutes: false }), /DEV ROUTES/);
  });
});
