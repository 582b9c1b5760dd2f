/**
 * `<id-verify-gate>`'s phone path (PASS app, QR, SMS): every step and state, each on the real
 * reference server running in the page with its phone simulator (learner 홍길동,
 * 010-1234-5678, born 900101 - 1). Every state is reached the way a learner reaches it:
 * ticking, clicking and typing through the gate; the phone's side (approve, deny, the SMS
 * inbox) goes through the simulator's `/v1/dev/*` calls, as the phone simulator page does.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MotpInput } from '../src/motp-input/motp-input.js';
import type { IdVerifyGate } from '../src/id-verify-gate/id-verify-gate.js';
import {
  arrive,
  buttonNamed,
  choose,
  deep,
  gateIn,
  gateStrings,
  gateText,
  openPhone,
  pendingPass,
  region,
  shifted,
  stepRoot,
  submitButton,
  submitIdentity,
  submitIntro,
  toIdentity,
  until,
  type BackendParameters,
  type Loaded,
  gateStoryMeta,
  type GateArgs,
} from './support/drive-gate.js';
import '../src/index.js';

const meta: Meta<GateArgs> = { title: 'Gate/Phone path', ...gateStoryMeta };
export default meta;
type Story = StoryObj<GateArgs>;

/** The SMS step's countdown, e.g. `2:59`. */
const timer = (gate: IdVerifyGate) => stepRoot(gate)?.querySelector('[role="timer"]')?.textContent ?? '';

/** Consent → phone → SKT + `method` → identity → submitted, on the step that follows. */
async function startCheck(canvasElement: HTMLElement, loaded: Loaded, method: 'app' | 'qr' | 'sms', name?: string) {
  const gate = await gateIn(canvasElement);
  await toIdentity(gate, method);
  await submitIdentity(gate, loaded.backend, name ? { name } : {});
  await arrive(gate, method === 'sms' ? 'phone-sms' : 'phone-wait');
  return gate;
}

/** Types `code` into the SMS step's boxes and presses "확인". */
function enterSmsCode(gate: IdVerifyGate, code: string) {
  stepRoot(gate)!.querySelector<MotpInput>('motp-input')!.value = code;
  submitButton(gate).click();
}

/** The tab was hidden while the server's clock moved `ms` on; now it is visible again. */
function awayFor({ clock }: Loaded, ms: number) {
  clock.skewMs = ms;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A code that is surely not the one just texted to the member. */
async function wrongSmsCode(loaded: Loaded) {
  const code = await loaded.backend.lastSmsCode();
  if (!code) throw new Error('No SMS in the member’s inbox');
  return shifted(code);
}

/** Step 1: carrier picker, the three methods (PASS, QR, SMS) and "본인확인 이용 동의(필수)". */
export const CarrierAndMethod: Story = {
  play: async ({ canvasElement }) => {
    await openPhone(await gateIn(canvasElement));
  },
};

/** "다음" pressed with no carrier chosen: "통신사를 선택해 주세요." and focus on the picker. */
export const CarrierMissing: Story = {
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    await openPhone(gate);
    submitButton(gate).click();
    await until(() => region(gate, 'alert').includes(gateStrings(gate).phone.carrierRequired), 'the carrier message');
  },
};

/** Step 2 for the PASS app: name, phone and the 보안문자 (picture, 새로고침, 음성듣기). */
export const Identity: Story = {
  play: async ({ canvasElement }) => {
    await toIdentity(await gateIn(canvasElement), 'app');
  },
};

/** Step 2 for SMS: also the birth date as `000000 - 0` (never more of the resident number). */
export const IdentitySms: Story = {
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    await toIdentity(gate, 'sms');
    await until(() => stepRoot(gate)?.querySelector('#birth'), 'the birth field');
  },
};

/** A wrong 보안문자 answer: the message under the field and a fresh picture to read. */
export const CaptchaFailed: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await gateIn(canvasElement);
    const first = await toIdentity(gate, 'app');
    const { answer } = await (loaded as Loaded).backend.dev<{ answer: string }>(`captcha/${first}`);
    await submitIdentity(gate, (loaded as Loaded).backend, { captcha: shifted(answer) });
    const message = gateStrings(gate).phone.captchaFailed;
    await until(() => deep(stepRoot(gate), '#captcha-error')?.textContent?.includes(message), 'the 보안문자 message');
    const field = () => deep<HTMLElement & { challengeId: string }>(stepRoot(gate), 'idv-captcha-field');
    await until(() => field()?.challengeId && field()!.challengeId !== first, 'a new 보안문자');
  },
};

/** PASS app: waiting for the approval on the phone ("PASS 앱 알림 확인하고…"), followed live. */
export const PassWaiting: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'app');
    await until(() => region(gate, 'status').includes(gateStrings(gate).phone.waiting), 'the waiting message');
  },
};

/** PASS app: the learner denied the request on the phone; "처음부터 다시" is offered. */
export const PassRejected: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { backend } = loaded as Loaded;
    const gate = await startCheck(canvasElement, loaded as Loaded, 'app');
    await backend.dev(`pass/${await pendingPass(backend)}/deny`);
    await until(() => region(gate, 'alert').includes(gateStrings(gate).phone.rejected), 'the rejection');
  },
};

/**
 * QR: the code to scan with PASS and the 6-digit number to type instead. QR is scanned from a
 * computer's screen, so the story keeps the desktop layout at any width.
 */
export const Qr: Story = {
  args: { layout: 'desktop' },
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'qr');
    await until(() => stepRoot(gate)?.querySelector('svg.qr'), 'the QR code');
    await until(() => /^\d{6}$/.test(stepRoot(gate)?.querySelector('[data-testid="qr-number"]')?.textContent ?? ''), 'the number');
  },
};

/** SMS: the code boxes, 남은시간 counting down from 3:00, 시간연장 and resend (with its cooldown). */
export const SmsCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'sms');
    const first = timer(gate);
    await until(() => /^[23]:\d\d$/.test(timer(gate)) && timer(gate) !== first, 'the running countdown', 3000);
  },
};

/** SMS: one wrong code: the message with the attempts left (4). */
export const SmsWrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'sms');
    enterSmsCode(gate, await wrongSmsCode(loaded as Loaded));
    await until(() => region(gate, 'alert').includes(gateStrings(gate).wrongCode(4)), 'the attempts left');
  },
};

/** SMS: five wrong codes: the code is dead, the form disabled, "처음부터 다시" offered. */
export const SmsDead: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'sms');
    const wrong = await wrongSmsCode(loaded as Loaded);
    for (let left = 4; left > 0; left--) {
      enterSmsCode(gate, wrong);
      await until(() => region(gate, 'alert').includes(gateStrings(gate).wrongCode(left)), `${left} attempts left`);
    }
    enterSmsCode(gate, wrong);
    await until(() => stepRoot(gate)?.querySelector('motp-input')?.hasAttribute('disabled'), 'the dead code');
    await until(() => region(gate, 'alert').includes(gateStrings(gate).phone.codeDead), 'the dead-code message');
    buttonNamed(gate, gateStrings(gate).phone.restart);
  },
};

/**
 * SMS: under 30 s left (the server's clock moved ~155 s while the tab was hidden; on return the
 * widget re-synced): the red countdown and the spoken warning.
 */
export const SmsExpiryWarning: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'sms');
    awayFor(loaded as Loaded, 155_000);
    await until(() => /^0:2\d$/.test(timer(gate)), 'the re-synced countdown');
    const warnings = Array.from({ length: 30 }, (_, i) => gateStrings(gate).phone.expiryWarning(i + 1));
    await until(() => warnings.some((warning) => region(gate, 'status').includes(warning)), 'the warning');
  },
};

/**
 * SMS: the code ran out of time (the server's clock passed its 3 minutes while the tab was
 * hidden; on return the widget re-synced): the form is off and the learner is told to ask for
 * a new code.
 */
export const SmsExpired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const gate = await startCheck(canvasElement, loaded as Loaded, 'sms');
    awayFor(loaded as Loaded, 181_000);
    await until(() => region(gate, 'alert').includes(gateStrings(gate).phone.codeExpired), 'the expiry message');
    await until(() => stepRoot(gate)?.querySelector('motp-input')?.hasAttribute('disabled'), 'the dead code');
    if (timer(gate) !== '0:00') throw new Error(`The countdown shows ${timer(gate)} on an expired code`);
  },
};

/** Someone else's name (김철수) with the member's phone, approved: the MISMATCH message. */
export const Mismatch: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { backend } = loaded as Loaded;
    const gate = await startCheck(canvasElement, loaded as Loaded, 'app', '김철수');
    await backend.dev(`pass/${await pendingPass(backend)}/approve`);
    await until(() => region(gate, 'alert').includes(gateStrings(gate).phone.mismatch), 'the mismatch');
  },
};

/** mOTP locked (five wrong codes earlier): the locked panel and "휴대폰 인증으로 잠금 해제". */
export const UnlockFromLocked: Story = {
  parameters: { backend: { lockMotp: true } satisfies BackendParameters },
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    await choose(gate, 'motp');
    await arrive(gate, 'motp');
    await until(() => stepRoot(gate)?.querySelector('.locked'), 'the locked panel');
    buttonNamed(gate, gateStrings(gate).unlockWithPhone);
  },
};

/** mOTP unavailable: the consent screen says the phone check stands in (대체인증). */
export const Substitute: Story = {
  parameters: { backend: { withoutMotp: true } satisfies BackendParameters },
  play: async ({ canvasElement }) => {
    const gate = await gateIn(canvasElement);
    await until(() => gateText(gate).includes(gateStrings(gate).substitute), 'the 대체인증 notice');
  },
};

/** Mobile: consent → the mOTP screen (사진 1) → its "휴대폰 인증" switch → the intro (사진 2). */
async function toMobileIntro(canvasElement: HTMLElement) {
  const gate = await gateIn(canvasElement);
  await choose(gate, 'motp');
  await arrive(gate, 'motp');
  buttonNamed(gate, gateStrings(gate).switchToPhone).click();
  await arrive(gate, 'phone-intro');
  return gate;
}

/** Mobile: from the mOTP screen's "휴대폰 인증" to the intro (사진 2): name and phone first. */
export const MobileIntro: Story = {
  args: { layout: 'mobile' },
  play: async ({ canvasElement }) => void (await toMobileIntro(canvasElement)),
};

/** Mobile: carrier and method after the intro; PASS and SMS only (no QR on the phone itself). */
export const MobileMethod: Story = {
  args: { layout: 'mobile' },
  play: async ({ canvasElement }) => {
    const gate = await toMobileIntro(canvasElement);
    await submitIntro(gate);
    await arrive(gate, 'phone-method');
    if (stepRoot(gate)!.querySelector('input[name="method"][value="qr"]')) throw new Error('QR offered on mobile');
  },
};

/** Done: PASS approved on the phone; the page finished by itself and the server issued a token. */
export const Done: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { backend } = loaded as Loaded;
    const gate = await startCheck(canvasElement, loaded as Loaded, 'app');
    await backend.dev(`pass/${await pendingPass(backend)}/approve`);
    await until(() => gate.step === 'done', 'the done step');
  },
};
