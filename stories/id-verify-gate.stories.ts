/**
 * `<id-verify-gate>`: consent and the mOTP path, every state, each on the real reference server
 * running in the page (the simulator's learner 홍길동, 010-1234-5678). States past the first are
 * reached by doing what a learner does, not by poking at internals; the walks find controls by
 * role and structure, so each story runs in Korean and English, at desktop and phone widths.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_MEMBER, wrongCode } from '../src/dev/in-page-backend.js';
import { VerifyClient } from '../src/client/index.js';
import type { IdVerifyGate } from '../src/id-verify-gate/id-verify-gate.js';
import {
  buttonNamed,
  choose,
  findButton,
  gateIn,
  gateStoryMeta,
  gateStrings,
  gateText,
  region,
  stepRoot,
  submitButton,
  until,
  type Backend,
  type BackendParameters,
  type GateArgs,
} from './support/drive-gate.js';
import { storyLang } from './support/globals.js';
import '../src/index.js';

const meta: Meta<GateArgs> = { title: 'Gate/id-verify-gate', ...gateStoryMeta };
export default meta;
type Story = StoryObj<GateArgs>;

/** Ticks "동의합니다" and presses "MOTP인증하기", as the learner would. */
async function openMotp(canvasElement: HTMLElement) {
  const gate = await gateIn(canvasElement);
  await choose(gate, 'motp');
  await until(() => stepRoot(gate)?.querySelector('motp-input'), 'the mOTP form');
  return gate;
}

/** Types `code` and the member's phone, presses "인증하기" and waits for the answer. */
async function submitMotp(gate: IdVerifyGate, code: string) {
  const root = stepRoot(gate)!;
  const answered = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
  root.querySelector<HTMLElement & { value: string }>('motp-input')!.value = code;
  root.querySelector<HTMLInputElement>('#phone')!.value = DEMO_MEMBER.phone;
  root.querySelector('form')!.requestSubmit();
  await answered;
  await until(() => root.querySelector('button[type="submit"]')?.getAttribute('aria-disabled') !== 'true', 'the answer');
}

/** Consent: the seed manual's notice, "동의합니다", and the methods the server enables. */
export const Consent: Story = {};

/** In English whatever the toolbar says (the `lang` control). */
export const ConsentEnglish: Story = { args: { lang: 'en' } };

/** The institution's own notice, in the page's language. */
const NOTICE: Record<string, { title: string; body: string }> = {
  ko: { title: '우리 훈련기관 안내', body: '본 과정은 본인인증 후 수강할 수 있습니다. 대리 수강은 부정훈련으로 처리됩니다.' },
  en: {
    title: 'From your training institution',
    body: 'This course can be taken only after the identity check. Taking it for someone else is treated as training fraud.',
  },
};

/** The institution's own notice through the `notice` slot. */
export const CustomNotice: Story = {
  render: (args, { loaded, globals }) => {
    const lang = storyLang(args, globals);
    const notice = NOTICE[lang] ?? NOTICE.ko!;
    return html`<id-verify-gate lang=${lang} .client=${(loaded.backend as Backend).client}>
      <div slot="notice">
        <p><strong>${notice.title}</strong></p>
        <p>${notice.body}</p>
      </div>
    </id-verify-gate>`;
  },
};

/** Trying to go on without ticking the box: the box is marked and the learner told why. */
export const ConsentMissing: Story = {
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    stepRoot(gate)!.querySelector<HTMLButtonElement>('button[data-method="motp"]')!.click();
    await until(() => region(gate, 'alert').includes(gateStrings(gate).agreeRequired), 'the consent message');
  },
};

/** The mOTP step, empty. */
export const Motp: Story = { play: ({ canvasElement }) => openMotp(canvasElement).then(() => undefined) };

/** After one wrong code: attempts left. */
export const MotpWrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await openMotp(canvasElement);
    await submitMotp(gate, await wrongCode(loaded.backend as Backend));
    await until(() => region(gate, 'alert').includes(gateStrings(gate).wrongCode(4)), 'the attempts left');
  },
};

/** After five wrong codes: locked, and what unlocks it. */
export const MotpLocked: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await openMotp(canvasElement);
    for (let i = 0; i < 5; i++) await submitMotp(gate, await wrongCode(loaded.backend as Backend));
    await until(() => stepRoot(gate)?.querySelector('.locked'), 'the locked panel');
  },
};

/**
 * HRD Korea's mOTP service is down (the server answers 503): the learner is told, the retry
 * waits out the server's `Retry-After`, and the phone check is offered in its place.
 */
export const MotpUpstreamDown: Story = {
  parameters: { backend: { motpDown: true } satisfies BackendParameters },
  play: async ({ canvasElement }) => {
    const gate = await openMotp(canvasElement);
    await submitMotp(gate, '123456');
    const t = gateStrings(gate);
    await until(() => region(gate, 'alert').includes(t.unavailable), 'the upstream message');
    await until(() => submitButton(gate).disabled, 'the retry waiting');
    buttonNamed(gate, t.switchToPhone);
  },
};

/**
 * HRD Korea refuses more checks for now (the server answers 429 with `Retry-After: 30`): the
 * message with the seconds to wait, counting down, and "인증하기" off until then.
 */
export const MotpRateLimited: Story = {
  parameters: { backend: { motpRateLimitedFor: 30 } satisfies BackendParameters },
  play: async ({ canvasElement }) => {
    const gate = await openMotp(canvasElement);
    await submitMotp(gate, '123456');
    await until(() => region(gate, 'alert').includes(gateStrings(gate).rateLimited(30)), 'the wait');
    await until(() => submitButton(gate).disabled && /\((2\d|30)\)/.test(region(gate, 'alert')), 'the countdown');
  },
};

/** Done: the server issued a token. */
export const Done: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await openMotp(canvasElement);
    await submitMotp(gate, await (loaded.backend as Backend).currentCode());
    await until(() => gate.step === 'done', 'the done step');
  },
};

/**
 * No check needed now: the learner passed today's `daily` check already, so the server's policy
 * says "not required"; the gate says so and tells the page (`id-verify-skip`).
 */
export const Skipped: Story = {
  args: { purpose: 'daily' },
  parameters: { backend: { purpose: 'daily', verifiedToday: true } satisfies BackendParameters },
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    await until(() => gate.step === 'skipped', 'the skipped step');
    await until(() => gateText(gate).includes(gateStrings(gate).notRequired), 'the not-required message');
  },
};

/** The server cannot be reached: an error with a retry, never a spinner. */
export const ServerDown: Story = {
  loaders: [async () => ({ backend: null })],
  render: (args, { globals }) => {
    const client = new VerifyClient({
      endpoint: 'http://down.invalid',
      session: 'none',
      retries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    return html`<id-verify-gate lang=${storyLang(args, globals)} .client=${client}></id-verify-gate>`;
  },
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    await until(() => gate.step === 'unavailable', 'the unavailable step');
    const t = gateStrings(gate);
    await until(() => gateText(gate).includes(t.network), 'the network message');
    await until(() => findButton(gate, t.retry), 'the retry button');
  },
};
