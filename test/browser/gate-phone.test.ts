/** The gate's phone path in Chromium, against the real server app (simulator) in the page. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IdVerifySuccessEvent } from '../../src/events.js';
import { arrive, buttonNamed, deep, submitIdentity, toIdentity, typeInto as set } from '../../src/dev/gate-driver.js';
import { createBackend, deepActiveElement, MEMBER, renderGate, waitFor, wrongCode } from './gate-fixture.js';

/** Every resource the page fetches from here on (an observer is not limited by the timing buffer). */
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((e) => e.name))).observe({ type: 'resource', buffered: true });

describe('<id-verify-gate> phone path', () => {
  it('offers both methods in the manual order when the server has a phone provider', async () => {
    const { client } = await createBackend();
    const gate = await renderGate(client);
    const labels = [...gate.shadowRoot!.querySelector('idv-consent-step')!.shadowRoot!.querySelectorAll('button[data-method]')].map(
      (b) => b.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['휴대폰인증하기', 'MOTP인증하기']);
  });

  it('PASS app: waits live for the approval on the phone and succeeds by itself', async () => {
    const backend = await createBackend();
    const gate = await renderGate(backend.client);
    await toIdentity(gate, 'app');
    await expect(gate).to.be.accessible();
    await submitIdentity(gate, backend);
    await arrive(gate, 'phone-wait');
    expect(gate.shadowRoot!.textContent + deep(gate.shadowRoot!, 'h2')!.textContent!).to.include('PASS 앱 알림');
    await expect(gate).to.be.accessible();
    const success = oneEvent(gate, 'id-verify-success');
    const { requests } = await backend.dev<{ requests: { tx: string }[] }>('pass/pending', { phone: MEMBER.phone });
    expect(requests).to.have.length(1);
    await backend.dev(`pass/${requests[0]!.tx}/approve`);
    const event = (await success) as unknown as IdVerifySuccessEvent;
    expect(event.method).to.equal('app');
    expect(event.purpose).to.equal('exam');
  });

  it('does not load the QR code generator until the QR path is taken', async () => {
    const qrRequests = () => fetched.filter((name) => /\/node_modules\/qrcode\//.test(name));
    const backend = await createBackend();
    const gate = await renderGate(backend.client);
    await toIdentity(gate, 'qr');
    expect(qrRequests(), 'qrcode fetched before the QR step').to.have.length(0);
    await submitIdentity(gate, backend);
    await arrive(gate, 'phone-wait');
    await waitFor(() => !!deep(gate.shadowRoot!, 'svg.qr'), 'the QR code');
    expect(qrRequests().length).to.be.greaterThan(0);
    const number = deep(gate.shadowRoot!, '[data-testid="qr-number"]')!.textContent!;
    expect(number).to.match(/^\d{6}$/);
    const success = oneEvent(gate, 'id-verify-success');
    await backend.dev('qr', { phone: MEMBER.phone, number });
    expect(((await success) as unknown as IdVerifySuccessEvent).method).to.equal('qr');
  });

  it('SMS: warns before expiry (re-synced from the server after the tab was hidden) and extends by keyboard', async () => {
    let skew = 0;
    const backend = await createBackend({ skewMs: () => skew });
    const gate = await renderGate(backend.client);
    await toIdentity(gate, 'sms');
    await submitIdentity(gate, backend);
    await arrive(gate, 'phone-sms');
    const timer = () => deep<HTMLElement>(gate.shadowRoot!, '[role="timer"]')!;
    expect(timer().textContent).to.match(/^[23]:\d\d$/);
    await expect(gate).to.be.accessible();

    // 155 s pass on the server while the tab is hidden; on return the widget asks the server.
    skew = 155_000;
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => /^0:2\d$/.test(timer().textContent!), 'the re-synced timer');
    const status = deep<HTMLElement>(gate.shadowRoot!.querySelector('.step')!.shadowRoot!, '[role="status"]')!;
    await waitFor(() => status.textContent!.includes('초 남았습니다'), 'the spoken warning');

    buttonNamed(gate, '시간연장').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => /^[23]:\d\d$/.test(timer().textContent!), 'the extended timer');
    expect(status.textContent).to.include('연장');

    const code = (await backend.lastSmsCode())!;
    const success = oneEvent(gate, 'id-verify-success');
    const codeInput = deep<HTMLElement & { value: string }>(gate.shadowRoot!, 'motp-input')!;
    codeInput.value = code;
    buttonNamed(gate, '확인').click();
    expect(((await success) as unknown as IdVerifySuccessEvent).method).to.equal('sms');
  });

  it('mOTP locked → phone check with purpose motp-unlock → back to mOTP, which then succeeds', async () => {
    const backend = await createBackend();
    for (let i = 0; i < 5; i++) await backend.client.verifyMotp({ otp: await wrongCode(backend), phone: MEMBER.phone }).catch(() => 0);
    const gate = await renderGate(backend.client);
    deep<HTMLInputElement>(gate.shadowRoot!, '#agree')!.click();
    await gate.updateComplete;
    buttonNamed(gate, 'MOTP인증하기').click();
    await arrive(gate, 'motp');
    await waitFor(() => !!deep(gate.shadowRoot!, '.locked'), 'the locked panel');
    buttonNamed(gate, '휴대폰 인증으로 잠금 해제').click();
    await arrive(gate, 'phone-method');
    const picker = deep<HTMLElement & { value: string }>(gate.shadowRoot!, 'pass-carrier-picker')!;
    picker.value = 'KT';
    deep<HTMLInputElement>(gate.shadowRoot!, 'input[name="method"][value="app"]')!.click();
    deep<HTMLInputElement>(gate.shadowRoot!, 'input[name="consent"]')!.click();
    buttonNamed(gate, '다음').click();
    await arrive(gate, 'phone-identity');
    await submitIdentity(gate, backend);
    await arrive(gate, 'phone-wait');
    const { requests } = await backend.dev<{ requests: { tx: string }[] }>('pass/pending', { phone: MEMBER.phone });
    await backend.dev(`pass/${requests[0]!.tx}/approve`);
    await arrive(gate, 'motp');
    await waitFor(() => !!deep(gate.shadowRoot!, 'motp-input'), 'the mOTP form again');
    expect(deep(gate.shadowRoot!, '[role="status"]')!.textContent).to.include('잠금이 해제');
    const success = oneEvent(gate, 'id-verify-success');
    deep<HTMLElement & { value: string }>(gate.shadowRoot!, 'motp-input')!.value = await backend.currentCode();
    set(gate, '#phone', MEMBER.phone);
    buttonNamed(gate, '인증하기').click();
    const event = (await success) as unknown as IdVerifySuccessEvent;
    expect(event.method).to.equal('motp');
    expect(event.purpose).to.equal('exam');
  });

  it('offers the phone check instead (대체인증) when mOTP is unavailable', async () => {
    const { client } = await createBackend({ withoutMotp: true });
    const gate = await renderGate(client);
    const labels = [...gate.shadowRoot!.querySelector('idv-consent-step')!.shadowRoot!.querySelectorAll('button[data-method]')].map(
      (b) => b.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['휴대폰인증하기']);
    expect(gate.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('대체인증');
  });

  it('mobile layout opens on mOTP with a switch to the phone, then name + phone first (사진 1 / 사진 2)', async () => {
    const { client } = await createBackend();
    const gate = await renderGate(client);
    gate.layout = 'mobile';
    await gate.updateComplete;
    const methods = [...gate.shadowRoot!.querySelector('idv-consent-step')!.shadowRoot!.querySelectorAll('button[data-method]')];
    expect(methods.map((b) => b.textContent!.trim())).to.deep.equal(['MOTP인증하기']);
    deep<HTMLInputElement>(gate.shadowRoot!, '#agree')!.click();
    await gate.updateComplete;
    buttonNamed(gate, 'MOTP인증하기').click();
    await arrive(gate, 'motp');
    buttonNamed(gate, '휴대폰 인증').click();
    await arrive(gate, 'phone-intro');
    expect(deepActiveElement()!.textContent).to.include('휴대폰 인증');
    set(gate, '#name', MEMBER.name);
    set(gate, '#number', MEMBER.phone);
    buttonNamed(gate, '인증하기').click();
    await arrive(gate, 'phone-method');
    expect(deep(gate.shadowRoot!, 'input[value="qr"]'), 'no QR on mobile').to.equal(null);
  });

  it('follows the PASS approval by polling when the event stream is unavailable', async () => {
    const backend = await createBackend();
    const { VerifyClient } = await import('../../src/client/index.js');
    let streams = 0;
    // A proxy that refuses event streams: the widget must fall back to GET /v1/phone/{tx}.
    const client = new VerifyClient({
      endpoint: 'http://in-page.invalid',
      session: backend.session,
      fetch: (request) => {
        if (request.url.endsWith('/events')) {
          streams++;
          return Promise.resolve(new Response('{"error":{"code":"NOT_FOUND","message":"no streams here"}}', { status: 404 }));
        }
        return backend.app.fetch(request);
      },
    });
    const gate = await renderGate(client);
    await toIdentity(gate, 'app');
    await submitIdentity(gate, backend);
    await arrive(gate, 'phone-wait');
    const success = oneEvent(gate, 'id-verify-success');
    const { requests } = await backend.dev<{ requests: { tx: string }[] }>('pass/pending', { phone: MEMBER.phone });
    await backend.dev(`pass/${requests[0]!.tx}/approve`);
    expect(((await success) as unknown as IdVerifySuccessEvent).method).to.equal('app');
    expect(streams).to.equal(1);
  });

  it('offers the phone check when mOTP’s upstream is down (대체인증)', async () => {
    const backend = await createBackend({ motpDown: true });
    const gate = await renderGate(backend.client);
    deep<HTMLInputElement>(gate.shadowRoot!, '#agree')!.click();
    await gate.updateComplete;
    buttonNamed(gate, 'MOTP인증하기').click();
    await arrive(gate, 'motp');
    deep<HTMLElement & { value: string }>(gate.shadowRoot!, 'motp-input')!.value = '123456';
    set(gate, '#phone', MEMBER.phone);
    buttonNamed(gate, '인증하기').click();
    const alert = () => deep<HTMLElement>(gate.shadowRoot!.querySelector('.step')!.shadowRoot!, '[role="alert"]')!;
    await waitFor(() => alert().textContent!.includes('mOTP 서비스에 연결할 수 없습니다'), 'the outage message');
    buttonNamed(gate, '휴대폰 인증').click();
    await arrive(gate, 'phone-method');
  });

  it('cancels from any phone step with id-verify-cancel', async () => {
    const backend = await createBackend();
    const gate = await renderGate(backend.client);
    await toIdentity(gate, 'sms');
    const cancelled = oneEvent(gate, 'id-verify-cancel');
    buttonNamed(gate, '취소').click();
    await cancelled;
    await arrive(gate, 'consent');
  });

  it('speaks English on the phone path with lang="en", carrier names included', async () => {
    const backend = await createBackend();
    const gate = await renderGate(backend.client, { lang: 'en' });
    deep<HTMLInputElement>(gate.shadowRoot!, '#agree')!.click();
    await gate.updateComplete;
    buttonNamed(gate, 'Verify with phone').click();
    await arrive(gate, 'phone-method');
    const step = gate.shadowRoot!.querySelector('.step')!.shadowRoot!;
    expect(step.querySelector('h2')!.textContent).to.equal('Choose your mobile carrier');
    expect(step.querySelector('pass-carrier-picker')!.shadowRoot!.textContent).to.include('SKT MVNO');
    expect(step.textContent).to.include('Text message (SMS)');
    await expect(gate).to.be.accessible();
  });

  it('shows the institution’s "알뜰폰 사업자 확인" link on the carrier screen when given one', async () => {
    const backend = await createBackend();
    const gate = await renderGate(backend.client);
    gate.mvnoHelpUrl = 'https://lms.example.ac.kr/help/mvno';
    deep<HTMLInputElement>(gate.shadowRoot!, '#agree')!.click();
    await gate.updateComplete;
    buttonNamed(gate, '휴대폰인증하기').click();
    await arrive(gate, 'phone-method');
    const picker = deep<HTMLElement>(gate.shadowRoot!, 'pass-carrier-picker')!;
    await (picker as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const link = picker.shadowRoot!.querySelector('a')!;
    expect(link.textContent).to.include('알뜰폰 사업자 확인');
    expect(link.getAttribute('href')).to.equal('https://lms.example.ac.kr/help/mvno');
  });

  it('plays the 보안문자 aloud (음성듣기): fetches the WAV with the session and decodes it', async () => {
    const backend = await createBackend();
    const { VerifyClient } = await import('../../src/client/index.js');
    const audio: Request[] = [];
    const client = new VerifyClient({
      endpoint: 'http://in-page.invalid',
      session: backend.session,
      fetch: (request) => {
        if (request.url.endsWith('/audio')) audio.push(request);
        return backend.app.fetch(request);
      },
    });
    const gate = await renderGate(client);
    await toIdentity(gate, 'app');
    buttonNamed(gate, '음성듣기').click();
    await waitFor(() => audio.length === 1, 'the audio request');
    expect(audio[0]!.headers.get('Authorization')).to.match(/^Bearer /);
    expect(audio[0]!.url).not.to.include(backend.session);
    // A WAV that failed to fetch or decode would show the error line under the field.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const field = deep<HTMLElement>(gate.shadowRoot!, 'idv-captcha-field')!;
    expect(field.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('');
  });

  it('picks the mobile layout from its container’s width, not the user agent', async () => {
    const { client } = await createBackend();
    const box = await fixture<HTMLDivElement>(html`<div style="width: 360px"><id-verify-gate .client=${client}></id-verify-gate></div>`);
    const gate = box.querySelector('id-verify-gate')!;
    await waitFor(() => gate.step === 'consent' && gate.mobile, 'the mobile layout');
    await gate.updateComplete;
    const labels = () =>
      [...gate.shadowRoot!.querySelector('idv-consent-step')!.shadowRoot!.querySelectorAll('button[data-method]')].map((b) =>
        b.textContent!.trim(),
      );
    expect(labels()).to.deep.equal(['MOTP인증하기']);
    box.style.width = '720px';
    await waitFor(() => !gate.mobile, 'the desktop layout');
    await gate.updateComplete;
    await gate.shadowRoot!.querySelector('idv-consent-step')!.updateComplete;
    expect(labels()).to.deep.equal(['휴대폰인증하기', 'MOTP인증하기']);
  });
});
