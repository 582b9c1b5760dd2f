/**
 * The README's server example (examples/server/lms.ts), run as written: a learner enrols, the
 * page's check yields a token through the mounted app, the LMS accepts it once and refuses it
 * the second time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import { TOTP_OPTIONS, TokenVerificationError } from '../../src/server/index.js';
import { acceptToken, app, enrolMotp, startCheck } from '../../examples/server/lms.js';

const learner = { id: 'learner-7', name: '홍길동', phone: '010-1234-5678', birth: '900101-1' };

/** What the widget does: the mOTP call through the LMS's own Hono app, with the learner's current code. */
async function tokenFromTheWidget(session: string, phone = learner.phone): Promise<string> {
  const secret = new URL(await enrolMotp(phone)).searchParams.get('secret')!;
  const otp = await generate({ ...TOTP_OPTIONS, secret });
  const answer = await app.request('/api/v1/motp/verify', {
    method: 'POST',
    headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ otp, phone }),
  });
  assert.equal(answer.status, 200, await answer.clone().text());
  return ((await answer.json()) as { token: string }).token;
}

describe('README: on the LMS server', () => {
  test('the token is accepted once, with the claims of the session; a second use is refused as REPLAYED', async () => {
    const { session, nonce } = await startCheck(learner);
    const token = await tokenFromTheWidget(session);

    const claims = await acceptToken(token, nonce);
    assert.equal(claims.sub, learner.id);
    assert.equal(claims.purpose, 'exam');
    assert.equal(claims.method, 'motp');
    assert.ok(!JSON.stringify(claims).includes(learner.phone), 'no phone in the claims');

    await assert.rejects(
      acceptToken(token, nonce),
      (error) => error instanceof TokenVerificationError && error.reason === 'REPLAYED',
    );
  });

  test('a token minted for another page session is refused (BAD_NONCE)', async () => {
    // Another learner: a code is good once per phone, and the first test used this minute's.
    const other = { ...learner, id: 'learner-8', phone: '010-2345-6789' };
    const first = await startCheck(other);
    const second = await startCheck(other);
    const token = await tokenFromTheWidget(first.session, other.phone);
    await assert.rejects(
      acceptToken(token, second.nonce),
      (error) => error instanceof TokenVerificationError && error.reason === 'BAD_NONCE',
    );
  });
});
