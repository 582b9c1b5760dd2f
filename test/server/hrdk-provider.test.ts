/** The `hrdk` provider on its own: its options, its own deadline, and answers it refuses to read. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { createHrdkProvider, ProviderUnavailableError, type MotpVerifyInput } from '../../src/server/index.js';
import { startHrdkFake } from '../fakes/hrdk.js';

const input: MotpVerifyInput = { phone: '01012345678', name: '홍길동', otp: '123456', subject: 'learner-001', purpose: 'exam' };

describe('hrdk provider', () => {
  test('options are checked when it is created', () => {
    for (const agentId of ['', ' ', 'a b', 7 as unknown as string]) {
      assert.throws(() => createHrdkProvider({ agentId }), /agentId/);
    }
    assert.throws(() => createHrdkProvider({ agentId: 'a', baseUrl: 'emonotp.hrdkorea.or.kr' }), /baseUrl/);
    assert.throws(() => createHrdkProvider({ agentId: 'a', logUrl: 'ftp://emon.hrdkorea.or.kr/log' }), /logUrl/);
    // fetch() refuses such a URL on every call: say so at once, without repeating the secret.
    for (const option of ['baseUrl', 'logUrl']) {
      assert.throws(
        () => createHrdkProvider({ agentId: 'a', [option]: 'https://user:s3cret-pw@emonotp.hrdkorea.or.kr' }),
        (error: unknown) => error instanceof TypeError && error.message.includes(option) && !error.message.includes('s3cret-pw'),
      );
    }
    assert.ok(createHrdkProvider({ agentId: 'edu-agent' }).verify);
  });

  test('its own deadline ends a hung call, and a caller\'s abort ends it at once', async () => {
    const fake = await startHrdkFake();
    try {
      fake.fail('accredit', 'hang');
      const provider = createHrdkProvider({ agentId: 'a', baseUrl: fake.url, timeoutMs: 150 });
      const started = performance.now();
      await assert.rejects(provider.verify(input), (error: unknown) => error instanceof ProviderUnavailableError && /in time/.test(error.message));
      assert.ok(performance.now() - started < 1500);

      const slow = createHrdkProvider({ agentId: 'a', baseUrl: fake.url, timeoutMs: 60_000 });
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 50);
      await assert.rejects(slow.verify({ ...input, signal: stop.signal }), ProviderUnavailableError);
    } finally {
      await fake.close();
    }
  });

  test('an answer larger than any HRD Korea sends is not read: a fault', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`{"code":200,"pad":"${'x'.repeat(100_000)}"}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const provider = createHrdkProvider({ agentId: 'a', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      await assert.rejects(provider.verify(input), ProviderUnavailableError);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a base URL with a path keeps it; a redirect is a fault, never followed', async () => {
    const paths: string[] = [];
    const server = createServer((request, response) => {
      paths.push(request.url ?? '');
      if (request.url === '/gateway/api/v2/otp_accredit') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"code":"AP001"}');
      } else response.writeHead(302, { Location: '/gateway/api/v2/otp_accredit' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      assert.deepEqual(await createHrdkProvider({ agentId: 'a', baseUrl: `${origin}/gateway` }).verify(input), { valid: false });
      await assert.rejects(createHrdkProvider({ agentId: 'a', baseUrl: `${origin}/elsewhere/` }).verify(input), ProviderUnavailableError);
      assert.deepEqual(paths, ['/gateway/api/v2/otp_accredit', '/elsewhere/api/v2/otp_accredit']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
