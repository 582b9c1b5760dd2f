/**
 * The provider-window step (method `window`) in Chromium, against the real server app in the
 * page with a stand-in window provider. The "popup" is a same-origin iframe's window, so the
 * test controls what it posts and when it closes; the real popup and NICE's fake run in the
 * `nice` end-to-end suite.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { VerifyClient } from '../../src/client/index.js';
import type { IdVerifySuccessEvent } from '../../src/events.js';
import { buttonNamed, deep } from '../../src/dev/gate-driver.js';
import type { IdVerifyGate } from '../../src/id-verify-gate/id-verify-gate.js';
import { createVerifyApp } from '../../src/server/app.js';
import type { PhoneWindowProvider } from '../../src/server/providers/phone/window.js';
import { renderGate, waitFor } from './gate-fixture.js';

/** Stands in for NICE: any launch opens "its window"; a posted `ok=yes` verifies the learner. */
const provider: PhoneWindowProvider = {
  methods: ['window'],
  popup: { width: 500, height: 800 },
  launch: async ({ requestNo }) => ({ action: `${location.origin}/nowhere`, fields: {}, state: { requestNo } }),
  readResult: (posted, state) =>
    posted.ok === 'yes'
      ? { requestNo: state.requestNo!, verified: true, identity: { name: '홍길동', birthDate: '1990-01-01', phone: '01012345678' } }
      : null,
};

/** The server in the page, mounted at this page's own origin (the result page's origin is the API's). */
async function windowBackend() {
  const endpoint = `${location.origin}/idv-api`;
  const app = createVerifyApp({ issuer: endpoint, audience: 'lms', basePath: '/idv-api', phone: provider, clientIp: () => 'in-page' });
  const { session } = await app.createSession({ subject: `w-${crypto.randomUUID()}`, name: '홍길동', phone: '010-1234-5678', purpose: 'exam' });
  const calls: string[] = [];
  // Over the network the browser adds `Origin` itself, and script may not set it on a Request:
  // the in-page request gets it through a stand-in for its headers.
  const fetchInPage = (request: Request) => {
    calls.push(new URL(request.url).pathname);
    const headers = new Headers([...request.headers, ['Origin', location.origin]]);
    const withOrigin = new Proxy(request, {
      get: (target, key) => {
        if (key === 'headers') return headers;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return app.fetch(withOrigin);
  };
  const client = new VerifyClient({ endpoint, session, fetch: fetchInPage });
  return { app, client, calls, endpoint };
}

/** A same-origin iframe whose window plays the popup. */
function fakePopup() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return { frame, window: frame.contentWindow! };
}

const stepText = (gate: HTMLElement) => deep(gate.shadowRoot!, 'idv-phone-window-step')?.shadowRoot?.textContent ?? '';
const alertText = (gate: HTMLElement) => deep(gate.shadowRoot!, 'idv-phone-window-step')?.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';

/** Consent → 휴대폰인증하기 → the window screen, its check started. */
async function toWindowStep(client: VerifyClient) {
  const gate = await renderGate(client);
  const consent = gate.shadowRoot!.querySelector('idv-consent-step')!.shadowRoot!;
  consent.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
  consent.querySelector<HTMLButtonElement>('button[data-method="phone"]')!.click();
  await waitFor(() => gate.step === 'phone-window', 'the window screen');
  await openable(gate, 'the check started');
  return gate;
}

/** Waits until "본인확인 창 열기" can be pressed: a check has started. */
function openable(gate: IdVerifyGate, what: string) {
  return waitFor(() => {
    try {
      return !buttonNamed(gate, '본인확인 창 열기').disabled;
    } catch {
      return false;
    }
  }, what);
}

describe('<id-verify-gate> provider window', () => {
  const realOpen = window.open;
  afterEach(() => {
    window.open = realOpen;
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('goes straight from consent to the window screen, accessible, with no screens of ours in between', async () => {
    const { client } = await windowBackend();
    const gate = await toWindowStep(client);
    expect(stepText(gate)).to.include('본인확인 창에서 인증해 주세요');
    await expect(gate).to.be.accessible();
  });

  it('opens the launch page at NICE’s size; a message from another origin or window is ignored; ours completes', async () => {
    const backend = await windowBackend();
    const gate = await toWindowStep(backend.client);
    const popup = fakePopup();
    let opened: { url: string; features: string } | undefined;
    window.open = ((url: string, _name: string, features: string) => ((opened = { url, features }), popup.window)) as typeof window.open;
    buttonNamed(gate, '본인확인 창 열기').click();
    expect(opened!.url).to.match(new RegExp(`^${backend.endpoint}/v1/phone/window/[\\w-]{22}$`));
    expect(opened!.features).to.include('width=500').and.include('height=800');
    const tx = opened!.url.split('/').at(-1)!;

    // What the provider's return would hand over: launch, then the result posted back.
    await backend.app.fetch(new Request(opened!.url));
    const page = await (
      await backend.app.fetch(
        new Request(`${backend.endpoint}/v1/phone/window/${tx}/return`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'ok=yes',
        }),
      )
    ).text();
    const message = JSON.parse(/data-idv-message="([^"]*)"/.exec(page)![1]!.replace(/&quot;/g, '"'));

    const before = backend.calls.length;
    dispatchEvent(new MessageEvent('message', { origin: 'https://evil.example', source: popup.window, data: message }));
    dispatchEvent(new MessageEvent('message', { origin: location.origin, source: window, data: message }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(backend.calls.slice(before), 'nothing completed').to.deep.equal([]);

    const success = oneEvent(gate, 'id-verify-success');
    dispatchEvent(new MessageEvent('message', { origin: location.origin, source: popup.window, data: message }));
    const event = (await success) as unknown as IdVerifySuccessEvent;
    expect(event.method).to.equal('window');
  });

  it('the learner closes the window → said within 2 s, and 다시 열기 opens it again', async () => {
    const { client } = await windowBackend();
    const gate = await toWindowStep(client);
    const popup = fakePopup();
    let opens = 0;
    window.open = (() => (opens++, popup.window)) as typeof window.open;
    buttonNamed(gate, '본인확인 창 열기').click();
    const closedAt = performance.now();
    popup.frame.remove();
    await waitFor(() => alertText(gate).includes('본인확인 창이 닫혔습니다'), 'the closed window noticed');
    expect(performance.now() - closedAt).to.be.below(2000);
    buttonNamed(gate, '다시 열기').click();
    expect(opens).to.equal(2);
  });

  it('a check left past its 10 minutes is not reopened: the learner is told, and 처음부터 다시 starts a fresh one', async () => {
    const { client } = await windowBackend();
    const gate = await toWindowStep(client);
    const opened: string[] = [];
    window.open = ((url: string) => (opened.push(url), fakePopup().window)) as typeof window.open;
    buttonNamed(gate, '본인확인 창 열기').click();
    const first = opened[0]!;
    // The learner closes the window and comes back after the check's 10 minutes (the clock of
    // the page and of the in-page server both move).
    const realNow = Date.now;
    Date.now = () => realNow() + 601_000;
    try {
      for (const frame of document.querySelectorAll('iframe')) frame.remove();
      await waitFor(() => alertText(gate).includes('인증 요청 시간이 지났습니다'), 'the expired check said');
      expect(() => buttonNamed(gate, '다시 열기'), 'no way back into the dead check').to.throw();
      buttonNamed(gate, '처음부터 다시').click();
      await openable(gate, 'a fresh check');
      buttonNamed(gate, '본인확인 창 열기').click();
      expect(opened).to.have.length(2);
      expect(opened[1], 'a new request').to.not.equal(first);
      // Left on the ready screen past its 10 minutes: the click says so instead of opening a dead window.
      Date.now = () => realNow() + 1_202_000;
      for (const frame of document.querySelectorAll('iframe')) frame.remove();
      await waitFor(() => alertText(gate).includes('인증 요청 시간이 지났습니다'), 'the expired check said again');
      buttonNamed(gate, '처음부터 다시').click();
      await openable(gate, 'another fresh check');
      Date.now = () => realNow() + 1_803_000;
      buttonNamed(gate, '본인확인 창 열기').click();
      expect(opened, 'nothing opened for a dead check').to.have.length(2);
      await waitFor(() => alertText(gate).includes('인증 요청 시간이 지났습니다'), 'the click on a dead check answered');
    } finally {
      Date.now = realNow;
    }
  });

  it('a blocked popup → the message, 다시 열기 and 이 창에서 계속', async () => {
    const { client } = await windowBackend();
    const gate = await toWindowStep(client);
    window.open = (() => null) as typeof window.open;
    buttonNamed(gate, '본인확인 창 열기').click();
    await waitFor(() => alertText(gate).includes('팝업'), 'the blocked message');
    expect(buttonNamed(gate, '다시 열기')).to.exist;
    expect(buttonNamed(gate, '이 창에서 계속')).to.exist;
    await expect(gate).to.be.accessible();
  });
});
