/**
 * The README's provider example (examples/server/providers.ts) against the fakes of PortOne
 * and NICE: each app offers its provider's phone methods to the learner.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nice, portOne, verifyWith } from '../../examples/server/providers.js';
import type { VerifyApp } from '../../src/server/index.js';
import { startNiceFake, type NiceFake } from '../fakes/nice.js';
import { startPortOneFake, type PortOneFake } from '../fakes/portone.js';

/** The phone methods the app offers a learner (GET /v1/config). */
async function phoneMethods(verify: VerifyApp): Promise<string[]> {
  const { session } = await verify.createSession({ subject: 's-1', name: '홍길동', phone: '010-1234-5678', birth: '900101-1', purpose: 'login' });
  const config = await verify.fetch(new Request('https://lms.example.ac.kr/api/v1/config', { headers: { Authorization: `Bearer ${session}` } }));
  assert.equal(config.status, 200);
  return ((await config.json()) as { phoneMethods: string[] }).phoneMethods;
}

describe('README: the phone check providers in code', () => {
  let portOneFake: PortOneFake;
  let niceFake: NiceFake;

  before(async () => {
    portOneFake = await startPortOneFake({ secret: 'po-secret', storeId: 'store-1', channelKey: 'channel-1' });
    niceFake = await startNiceFake({ clientId: 'nice-id', clientSecret: 'nice-secret', productId: 'nice-product' });
  });
  after(async () => {
    await portOneFake?.close();
    await niceFake?.close();
  });

  test('PortOne: PASS app and SMS', async () => {
    assert.deepEqual(await phoneMethods(verifyWith(portOne('po-secret', 'store-1', 'channel-1', portOneFake.url))), ['app', 'sms']);
  });

  test('NICE: its window', async () => {
    assert.deepEqual(await phoneMethods(verifyWith(nice('nice-id', 'nice-secret', 'nice-product', niceFake.url))), ['window']);
  });
});
