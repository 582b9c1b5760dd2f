/**
 * `<id-verify-gate>`: every step and state so far, each on the real reference server running
 * in the page (the simulator's learner 홍길동, 010-1234-5678). States past the first are
 * reached by doing what a learner does, not by poking at internals.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_MEMBER, wrongCode } from '../src/dev/in-page-backend.js';
import { VerifyClient } from '../src/client/index.js';
import type { IdVerifyGate } from '../src/id-verify-gate/id-verify-gate.js';
import { choose, gateIn, gateStoryMeta, stepRoot, until, type Backend, type GateArgs } from './support/drive-gate.js';
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
async function submit(gate: IdVerifyGate, code: string) {
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
  await until(() => !root.querySelector('button[type="submit"]')?.textContent?.includes('…'));
}

/** Consent: the seed manual's notice, "동의합니다", and the methods the server enables. */
export const Consent: Story = {};

/** The same in English. */
export const ConsentEnglish: Story = { args: { lang: 'en' } };

/** The institution's own notice through the `notice` slot. */
export const CustomNotice: Story = {
  render: (_args, { loaded }) => html`<id-verify-gate .client=${(loaded.backend as Backend).client}>
    <div slot="notice">
      <p><strong>우리 훈련기관 안내</strong></p>
      <p>본 과정은 본인인증 후 수강할 수 있습니다. 대리 수강은 부정훈련으로 처리됩니다.</p>
    </div>
  </id-verify-gate>`,
};

/** Trying to go on without ticking the box. */
export const ConsentMissing: Story = {
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    stepRoot(gate)!.querySelector<HTMLButtonElement>('button[data-method="motp"]')!.click();
  },
};

/** The mOTP step, empty. */
export const Motp: Story = { play: ({ canvasElement }) => openMotp(canvasElement).then(() => undefined) };

/** After one wrong code: attempts left. */
export const MotpWrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await openMotp(canvasElement);
    await submit(gate, await wrongCode(loaded.backend as Backend));
  },
};

/** After five wrong codes: locked, and what unlocks it. */
export const MotpLocked: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await openMotp(canvasElement);
    for (let i = 0; i < 5; i++) await submit(gate, await wrongCode(loaded.backend as Backend));
  },
};

/** Done: the server issued a token. */
export const Done: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await openMotp(canvasElement);
    await submit(gate, await (loaded.backend as Backend).currentCode());
  },
};

/** The server cannot be reached: an error with a retry, never a spinner. */
export const ServerDown: Story = {
  loaders: [async () => ({ backend: null })],
  render: () => {
    const client = new VerifyClient({
      endpoint: 'http://down.invalid',
      session: 'none',
      retries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    return html`<id-verify-gate .client=${client}></id-verify-gate>`;
  },
};
