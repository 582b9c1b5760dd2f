/** `<id-verify-gate>` in Chromium, against the real server app running in the page. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { VerifyClient } from '../../src/client/index.js';
import type { IdVerifyGate } from '../../src/id-verify-gate/id-verify-gate.js';
import type { IdVerifyFailureEvent, IdVerifySuccessEvent } from '../../src/events.js';
import { createBackend, deepActiveElement, inStep, MEMBER, renderGate, waitFor, wrongCode } from './gate-fixture.js';

const button = (gate: IdVerifyGate, text: string) =>
  [...(gate.shadowRoot!.querySelector('.step')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
    b.textContent!.includes(text),
  )!;

async function toMotpStep(gate: IdVerifyGate) {
  inStep<HTMLInputElement>(gate, '#agree')!.click();
  await gate.updateComplete;
  button(gate, 'MOTP인증하기').click();
  await waitFor(() => gate.step === 'motp' && !!inStep(gate, 'h2'), 'the mOTP step');
  await (gate.shadowRoot!.querySelector('.step') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

async function submitCode(gate: IdVerifyGate, code: string, phone: string = MEMBER.phone) {
  const codeInput = inStep<HTMLElement & { value: string }>(gate, 'motp-input')!;
  codeInput.value = code;
  inStep<HTMLInputElement>(gate, '#phone')!.value = phone;
  inStep<HTMLFormElement>(gate, 'form')!.requestSubmit();
}

/** A client whose every request fails as an unreachable server's does. */
const unreachableClient = () =>
  new VerifyClient({ endpoint: 'http://verify.test', session: 'x', retries: 0, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });

describe('<id-verify-gate>', () => {
  it('opens on the consent step in Korean, accessible, offering only what the server enables', async () => {
    const { client } = await createBackend({ withoutPhone: true });
    const gate = await renderGate(client);
    expect(gate.step).to.equal('consent');
    const step = gate.shadowRoot!.querySelector('idv-consent-step')!;
    expect(step.shadowRoot!.textContent).to.include('동의합니다');
    // The default notice is the seed manual's course rules and anti-fraud text.
    expect(gate.shadowRoot!.textContent).to.include('부정행위 금지사항');
    const methods = [...step.shadowRoot!.querySelectorAll('button[data-method]')].map((b) => b.textContent!.trim());
    expect(methods).to.deep.equal(['MOTP인증하기']); // no phone provider on this server: no placeholder button
    await expect(gate).to.be.accessible();
  });

  it('does not proceed without "동의합니다": says so and moves focus to the box', async () => {
    const { client } = await createBackend();
    const gate = await renderGate(client);
    button(gate, 'MOTP인증하기').click();
    await gate.updateComplete;
    const step = gate.shadowRoot!.querySelector('idv-consent-step')!;
    await step.updateComplete;
    expect(gate.step).to.equal('consent');
    expect(step.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include('동의합니다');
    expect(deepActiveElement()).to.equal(inStep(gate, '#agree'));
  });

  it('completes by keyboard alone and fires id-verify-success with a token, method and purpose', async () => {
    const { client, currentCode } = await createBackend({ purpose: 'exam' });
    const gate = await renderGate(client);
    inStep<HTMLInputElement>(gate, '#agree')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent).to.include('휴대폰인증하기');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent).to.include('MOTP인증하기');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement()?.tagName === 'H2', 'focus on the mOTP heading');
    expect(deepActiveElement()!.textContent).to.include('mOTP 인증');
    await expect(gate).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: await currentCode() });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: MEMBER.phone });
    const success = oneEvent(gate, 'id-verify-success');
    await sendKeys({ press: 'Enter' });
    const event = (await success) as unknown as IdVerifySuccessEvent;
    expect(event.token.split('.')).to.have.length(3);
    expect(event.method).to.equal('motp');
    expect(event.purpose).to.equal('exam');
    await waitFor(() => gate.step === 'done');
    await gate.updateComplete;
    expect(gate.shadowRoot!.textContent).to.include('인증 완료');
    await expect(gate).to.be.accessible();
  });

  it('shows attempts left after a wrong code, as an alert, and stays accessible', async () => {
    const { client, currentCode } = await createBackend();
    const gate = await renderGate(client);
    await toMotpStep(gate);
    await submitCode(gate, await wrongCode({ currentCode }));
    await waitFor(() => !!inStep(gate, '[role="alert"]')?.textContent?.includes('남은 시도 4회'), 'attempts left');
    expect(inStep<HTMLElement & { value: string }>(gate, 'motp-input')!.value).to.equal('');
    await expect(gate).to.be.accessible();
  });

  it('refuses a phone that is not the member’s with a clear message and no token', async () => {
    const { client, currentCode } = await createBackend();
    const gate = await renderGate(client);
    await toMotpStep(gate);
    let succeeded = false;
    gate.addEventListener('id-verify-success', () => (succeeded = true));
    await submitCode(gate, await currentCode(), '010-9999-0000');
    await waitFor(() => !!inStep(gate, '[role="alert"]')?.textContent?.includes('일치하지 않습니다'), 'mismatch message');
    expect(succeeded).to.equal(false);
  });

  it('without a phone check to unlock it: locks after 5 wrong codes, explains, and fires id-verify-failure', async () => {
    const { client, currentCode } = await createBackend({ withoutPhone: true });
    const gate = await renderGate(client);
    await toMotpStep(gate);
    const failure = oneEvent(gate, 'id-verify-failure');
    for (let i = 0; i < 5; i++) {
      await submitCode(gate, await wrongCode({ currentCode }));
      await waitFor(() => !!inStep(gate, '[role="alert"]')?.textContent, 'an answer');
      await waitFor(() => !inStep<HTMLButtonElement>(gate, 'button[type="submit"]')?.textContent?.includes('확인 중'), 'idle');
    }
    const event = (await failure) as unknown as IdVerifyFailureEvent;
    expect(event.code).to.equal('LOCKED');
    await gate.updateComplete;
    const alert = inStep(gate, '[role="alert"]')!;
    expect(alert.textContent).to.include('5회 연속 실패');
    expect(alert.textContent).to.include('휴대폰 본인인증');
    expect(inStep(gate, 'motp-input')).to.equal(null);
    await expect(gate).to.be.accessible();
  });

  it('opens already locked for a learner locked in an earlier session', async () => {
    const backend = await createBackend();
    for (let i = 0; i < 5; i++) {
      await backend.client.verifyMotp({ otp: await wrongCode(backend), phone: MEMBER.phone }).catch(() => undefined);
    }
    const { client } = await backend.newClient();
    const gate = await renderGate(client);
    await toMotpStep(gate);
    await waitFor(() => !!inStep(gate, '[role="alert"]')?.textContent?.includes('5회 연속 실패'), 'locked panel');
  });

  it('speaks English with lang="en"', async () => {
    const { client } = await createBackend();
    const gate = await renderGate(client, { lang: 'en' });
    const step = gate.shadowRoot!.querySelector('idv-consent-step')!;
    expect(step.shadowRoot!.textContent).to.include('I agree');
    expect(button(gate, 'Verify with mOTP')).to.exist;
    expect(gate.shadowRoot!.querySelector('[lang="en"]')).to.exist;
  });

  it('lets the page replace the notice through the notice slot', async () => {
    const { client } = await createBackend();
    const gate = await fixture<IdVerifyGate>(html`<id-verify-gate .client=${client}>
      <div slot="notice" id="custom">우리 기관의 안내문</div>
    </id-verify-gate>`);
    await waitFor(() => gate.step === 'consent');
    await gate.updateComplete;
    const slot = gate.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="notice"]')!;
    expect(slot.assignedElements()).to.deep.equal([gate.querySelector('#custom')]);
  });

  it('fires id-verify-cancel when the learner cancels', async () => {
    const { client } = await createBackend();
    const gate = await renderGate(client);
    const cancelled = oneEvent(gate, 'id-verify-cancel');
    button(gate, '취소').click();
    await cancelled;
  });

  it('is never stuck on a spinner: an unreachable server shows an error with a retry', async () => {
    const client = unreachableClient();
    const gate = await renderGate(client);
    expect(gate.step).to.equal('unavailable');
    await gate.updateComplete;
    expect(gate.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include('서버에 연결할 수 없습니다');
    expect(gate.shadowRoot!.querySelector('button')!.textContent).to.include('다시 시도');
  });

  it('says so in English on an English page, even when the server failed before the English strings arrived', async () => {
    const client = unreachableClient();
    const gate = await renderGate(client, { lang: 'en' });
    expect(gate.step).to.equal('unavailable');
    const alert = () => gate.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
    await waitFor(() => gate.shadowRoot!.querySelector('button')!.textContent!.includes('Try again'), 'the English retry');
    expect(alert()).to.include('cannot be reached');
    expect(alert()).not.to.match(/[가-힣]/);
  });

  it('gives up on a server that never answers, within the client deadline', async () => {
    const client = new VerifyClient({
      endpoint: 'http://verify.test',
      session: 'x',
      timeoutMs: 300,
      retries: 0,
      fetch: (request) =>
        new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
    });
    const gate = await renderGate(client);
    expect(gate.step).to.equal('unavailable');
    await gate.updateComplete;
    expect(gate.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include('응답');
  });

  it('offers the methods the page asks for, in its order, among those the server enables', async () => {
    const labels = (gate: IdVerifyGate) =>
      [...gate.shadowRoot!.querySelector('idv-consent-step')!.shadowRoot!.querySelectorAll('button[data-method]')].map((b) =>
        b.textContent!.trim(),
      );
    const { client } = await createBackend();
    expect(labels(await renderGate(client, { methods: 'motp phone' }))).to.deep.equal(['MOTP인증하기', '휴대폰인증하기']);
    expect(labels(await renderGate(client, { methods: 'phone' }))).to.deep.equal(['휴대폰인증하기']);
    const mOtpOnly = await createBackend({ withoutPhone: true });
    expect(labels(await renderGate(mOtpOnly.client, { methods: 'phone motp' }))).to.deep.equal(['MOTP인증하기']);
  });
});
