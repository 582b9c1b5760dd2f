/** `IDV_PHONE` and the providers' variables: read strictly; the demo wires fakes in-process. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setUpPhone } from '../../demo/phone-setup.js';
import { EnvConfigError, NICE_API_URL, NICE_WINDOW_URL, PORTONE_API_URL, readPhoneEnv } from '../../src/server/index.js';

const PORTONE = { IDV_PHONE: 'portone', IDV_PORTONE_SECRET: 's3cret', IDV_PORTONE_STORE_ID: 'store-1', IDV_PORTONE_CHANNEL_KEY: 'channel-key-1' };
const NICE = { IDV_PHONE: 'nice', IDV_NICE_CLIENT_ID: 'client', IDV_NICE_CLIENT_SECRET: 'secret', IDV_NICE_PRODUCT_ID: '2101979031' };

/** The variable an env is refused for. */
const refusedFor = (env: Record<string, string>) => {
  try {
    readPhoneEnv(env);
  } catch (error) {
    assert.ok(error instanceof EnvConfigError, String(error));
    return error.variable;
  }
  return undefined;
};

describe('readPhoneEnv', () => {
  test('unset or empty → the simulator', () => {
    assert.deepEqual(readPhoneEnv({}), { kind: 'simulator' });
    assert.deepEqual(readPhoneEnv({ IDV_PHONE: '' }), { kind: 'simulator' });
  });

  test('portone: its credentials, PortOne’s URL by default, another URL when given', () => {
    assert.deepEqual(readPhoneEnv(PORTONE), {
      kind: 'portone',
      portone: { baseUrl: PORTONE_API_URL, secret: 's3cret', storeId: 'store-1', channelKey: 'channel-key-1' },
    });
    const local = readPhoneEnv({ ...PORTONE, IDV_PORTONE_URL: 'http://127.0.0.1:9999/' });
    assert.equal(local.kind === 'portone' && local.portone.baseUrl, 'http://127.0.0.1:9999');
  });

  test('nice: its credentials, NICE’s URLs by default', () => {
    assert.deepEqual(readPhoneEnv(NICE), {
      kind: 'nice',
      nice: { apiUrl: NICE_API_URL, windowUrl: NICE_WINDOW_URL, clientId: 'client', clientSecret: 'secret', productId: '2101979031' },
    });
  });

  test('refused, naming the variable: unknown provider, missing credential, bad URL, stray settings', () => {
    assert.equal(refusedFor({ IDV_PHONE: 'kcb' }), 'IDV_PHONE');
    assert.equal(refusedFor({ ...PORTONE, IDV_PORTONE_SECRET: '' }), 'IDV_PORTONE_SECRET');
    assert.equal(refusedFor({ ...PORTONE, IDV_PORTONE_STORE_ID: ' store-1' }), 'IDV_PORTONE_STORE_ID');
    assert.equal(refusedFor({ ...PORTONE, IDV_PORTONE_URL: 'ftp://x' }), 'IDV_PORTONE_URL');
    assert.equal(refusedFor({ ...PORTONE, IDV_PORTONE_URL: 'https://user:pw@api.portone.io' }), 'IDV_PORTONE_URL');
    assert.equal(refusedFor({ ...NICE, IDV_NICE_PRODUCT_ID: '' }), 'IDV_NICE_PRODUCT_ID');
    assert.equal(refusedFor({ ...NICE, IDV_NICE_WINDOW_URL: 'not a url' }), 'IDV_NICE_WINDOW_URL');
    assert.equal(refusedFor({ IDV_PHONE: 'simulator', IDV_PORTONE_SECRET: 'x' }), 'IDV_PORTONE_SECRET');
    assert.equal(refusedFor({ ...NICE, IDV_PORTONE_CHANNEL_KEY: 'x' }), 'IDV_PORTONE_CHANNEL_KEY');
  });

  test('the error never repeats a secret', () => {
    try {
      readPhoneEnv({ ...PORTONE, IDV_PORTONE_URL: 'https://user:hunter2@api.portone.io' });
      assert.fail('refused');
    } catch (error) {
      assert.ok(!String((error as Error).message).includes('hunter2'));
    }
  });
});

describe('the demo’s phone setup', () => {
  test('simulator by default: nothing started', async () => {
    const setup = await setUpPhone({});
    assert.deepEqual(setup.verify, {});
    assert.deepEqual(setup.fakes, {});
  });

  test('portone-fake: the real adapter against a fake started in this process; dev routes kept on', async () => {
    const setup = await setUpPhone({ IDV_PHONE: 'portone-fake' });
    try {
      assert.deepEqual(setup.verify.phone?.methods, ['app', 'sms']);
      assert.equal(setup.verify.devRoutesWithRealProviders, true);
      assert.match(setup.fakes.portone!, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${setup.fakes.portone}/__fake/messages?phone=01012345678`)).status, 200);
      assert.match(setup.label, /PortOne FAKE/);
    } finally {
      await setup.close();
    }
  });

  test('nice-fake: the window provider against a fake started in this process', async () => {
    const setup = await setUpPhone({ IDV_PHONE: 'nice-fake' });
    try {
      assert.deepEqual(setup.verify.phone?.methods, ['window']);
      assert.equal(setup.verify.devRoutesWithRealProviders, true);
      assert.match(setup.fakes.nice!, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await setup.close();
    }
  });

  test('a real adapter keeps the dev routes off unless IDV_DEV_ROUTES=1', async () => {
    assert.equal((await setUpPhone(PORTONE)).verify.devRoutesWithRealProviders, false);
    assert.equal((await setUpPhone({ ...NICE, IDV_DEV_ROUTES: '1' })).verify.devRoutesWithRealProviders, true);
  });
});
