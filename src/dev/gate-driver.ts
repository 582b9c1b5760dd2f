/**
 * Drives `<id-verify-gate>` the way a learner does (ticking, clicking, typing) through its
 * nested shadow roots, against the in-page backend. Shared by the element tests and the
 * Storybook stories; nothing here sets the gate's internal state. Not part of any bundle.
 *
 * Controls are found by role and structure (a form's submit button, `data-method`, a named
 * field) or by their accessible name in the gate's own language ({@link gateStrings}), never by
 * Korean text, so the same walk runs in Korean and English. The walks follow the layout the
 * gate chose: on the mobile layout the phone check starts from the mOTP screen's switch and
 * asks for name and phone first.
 */
import { DEMO_MEMBER, type createInPageBackend } from './in-page-backend.js';

export { shifted } from './in-page-backend.js';
import type { GateStep, IdVerifyGate } from '../id-verify-gate/id-verify-gate.js';
import { resolveTranslation, type PhoneStrings, type Translation } from '../i18n/index.js';
import { en } from '../i18n/en.js';
import { phoneEn } from '../i18n/phone-en.js';
import { phoneKo } from '../i18n/phone-ko.js';
import type { Carrier, PhoneMethod } from '../protocol/index.js';

/** The real server app running in the page, with one learner and a client for them. */
export type Backend = Awaited<ReturnType<typeof createInPageBackend>>;

/** Waits until `predicate` holds, checking every frame; throws after `timeoutMs`. */
export async function until(predicate: () => unknown, what = 'the expected state', timeoutMs = 5000) {
  const end = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The shadow root of the gate's current step element. */
export const stepRoot = (gate: IdVerifyGate) => gate.shadowRoot?.querySelector('.step')?.shadowRoot ?? null;

/** First element matching `selector` anywhere under `root`, through open shadow roots. */
export function deep<T extends Element>(root: Element | ShadowRoot | null | undefined, selector: string): T | null {
  if (!root) return null;
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deep<T>(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}

/** All text the gate shows, through its nested shadow roots. */
export function gateText(gate: IdVerifyGate): string {
  const parts: string[] = [];
  const walk = (root: ShadowRoot | Element) => {
    parts.push(root.textContent ?? '');
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  if (gate.shadowRoot) walk(gate.shadowRoot);
  return parts.join(' ');
}

/**
 * The strings the gate shows now: its language (`lang`), its `strings` overrides, and the phone
 * path's. What a walk looks for by name, and what a story expects to read.
 */
export function gateStrings(gate: IdVerifyGate): Translation & { phone: PhoneStrings } {
  return resolveTranslation(gate.lang, gate.strings, { ko: phoneKo, en: phoneEn }, en) as Translation & { phone: PhoneStrings };
}

/** The text of the current step's live regions with `role` (`alert` or `status`). */
export const region = (gate: IdVerifyGate, role: 'alert' | 'status') =>
  [...(stepRoot(gate)?.querySelectorAll(`[role="${role}"]`) ?? [])].map((el) => el.textContent ?? '').join(' ');

/** The submit button of the current step's form (its primary action: 다음, 확인, 인증하기…). */
export function submitButton(gate: IdVerifyGate): HTMLButtonElement {
  const button = stepRoot(gate)?.querySelector<HTMLButtonElement>('form button[type="submit"]');
  if (!button) throw new Error(`No submit button on the ${gate.step} step`);
  return button;
}

/** The button whose accessible name is `text` (exactly, else containing it), anywhere in the gate; null if none. */
export function findButton(gate: IdVerifyGate, text: string): HTMLButtonElement | null {
  const all: HTMLButtonElement[] = [];
  const walk = (root: ShadowRoot) => {
    all.push(...root.querySelectorAll('button'));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  if (gate.shadowRoot) walk(gate.shadowRoot);
  const name = (b: HTMLButtonElement) => b.getAttribute('aria-label') ?? b.textContent!.trim();
  return all.find((b) => name(b) === text) ?? all.find((b) => name(b).includes(text)) ?? null;
}

/** The button whose accessible name is `text` (see {@link findButton}); throws if there is none. */
export function buttonNamed(gate: IdVerifyGate, text: string): HTMLButtonElement {
  const match = findButton(gate, text);
  if (!match) throw new Error(`No button "${text}"`);
  return match;
}

/** Types `value` into the field matching `selector` in the current step, as a learner would. */
export function typeInto(gate: IdVerifyGate, selector: string, value: string) {
  const input = deep<HTMLInputElement>(stepRoot(gate), selector);
  if (!input) throw new Error(`No field ${selector}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The gate in the story's canvas, once it has loaded what the server offers. */
export async function gateIn(canvasElement: HTMLElement): Promise<IdVerifyGate> {
  const gate = canvasElement.querySelector('id-verify-gate');
  if (!gate) throw new Error('No <id-verify-gate> in the story');
  await until(() => gate.step !== 'loading', 'the config');
  await gate.updateComplete;
  return gate;
}

/** Waits until the gate shows `step` with its heading rendered. */
export async function arrive(gate: IdVerifyGate, step: GateStep) {
  await until(() => gate.step === step && !!stepRoot(gate)?.querySelector('h2'), `the ${step} step`);
  await (gate.shadowRoot!.querySelector('.step') as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

/**
 * Ticks "동의합니다" and presses the consent screen's button for `method` (its `data-method`).
 * On the mobile layout the phone check has no such button: its switch beside "MOTP인증하기"
 * (사진 1) is pressed instead.
 */
export async function choose(gate: IdVerifyGate, method: 'motp' | 'phone') {
  await until(() => gate.step === 'consent' && stepRoot(gate)?.querySelector('#agree'), 'the consent step');
  stepRoot(gate)!.querySelector<HTMLInputElement>('#agree')!.click();
  await until(() => stepRoot(gate)?.querySelector<HTMLInputElement>('#agree')?.checked, 'the ticked box');
  const button = stepRoot(gate)!.querySelector<HTMLButtonElement>(`button[data-method="${method}"]`);
  (button ?? buttonNamed(gate, gateStrings(gate).switchToPhone)).click();
}

/**
 * Mobile only, on the intro (사진 2): types the member's name and phone and presses "인증하기".
 * Desktop layouts ask for them on the identity step instead.
 */
export async function submitIntro(gate: IdVerifyGate) {
  await arrive(gate, 'phone-intro');
  typeInto(gate, '#name', DEMO_MEMBER.name);
  typeInto(gate, '#number', DEMO_MEMBER.phone);
  submitButton(gate).click();
}

/** Consent → the phone check (through the intro on mobile): the carrier and method step. */
export async function openPhone(gate: IdVerifyGate) {
  await choose(gate, 'phone');
  await until(() => gate.step === 'phone-intro' || gate.step === 'phone-method', 'the phone check');
  if (gate.step === 'phone-intro') await submitIntro(gate);
  await arrive(gate, 'phone-method');
}

/** On the carrier and method step: clicks `carrier`, the `method` radio and 본인확인 이용 동의, then "다음". */
export async function pickMethod(gate: IdVerifyGate, method: PhoneMethod, carrier: Carrier = 'SKT') {
  const root = stepRoot(gate)!;
  const picker = root.querySelector('pass-carrier-picker')!;
  picker.shadowRoot!.querySelector<HTMLElement>(`[data-carrier="${carrier}"]`)!.click();
  const radio = root.querySelector<HTMLInputElement>(`input[name="method"][value="${method}"]`);
  if (!radio) throw new Error(`The ${gate.mobile ? 'mobile' : 'desktop'} layout offers no ${method} method`);
  radio.click();
  const consent = root.querySelector<HTMLInputElement>('input[name="consent"]')!;
  if (!consent.checked) consent.click();
  submitButton(gate).click();
  await arrive(gate, 'phone-identity');
}

/** Consent → phone → SKT + `method` → the identity step, with its 보안문자 loaded. */
export async function toIdentity(gate: IdVerifyGate, method: PhoneMethod) {
  await openPhone(gate);
  await pickMethod(gate, method);
  return captchaId(gate);
}

/** The identity step's current 보안문자 challenge id, once one has loaded. */
export async function captchaId(gate: IdVerifyGate): Promise<string> {
  const field = () => deep<HTMLElement & { challengeId: string }>(stepRoot(gate), 'idv-captcha-field');
  await until(() => field()?.challengeId && deep(field()!.shadowRoot, 'svg path'), 'the 보안문자');
  return field()!.challengeId;
}

/** What the identity step needs from the learner. */
export interface IdentityInput {
  /** Name typed (default: the member's). */
  name?: string;
  /** The 보안문자 answer typed (default: the right one, read off the simulator). */
  captcha?: string;
}

/**
 * Fills the identity step (SMS: also 900101 - 1) and presses its submit button. The right
 * 보안문자 answer is what the learner reads off the picture; the story reads it off the simulator.
 */
export async function submitIdentity(gate: IdVerifyGate, backend: Backend, input: IdentityInput = {}) {
  const { answer } = await backend.dev<{ answer: string }>(`captcha/${await captchaId(gate)}`);
  typeInto(gate, '#name', input.name ?? DEMO_MEMBER.name);
  typeInto(gate, '#number', DEMO_MEMBER.phone);
  if (stepRoot(gate)!.querySelector('#birth')) {
    typeInto(gate, '#birth', '900101');
    typeInto(gate, 'input[name="digit"]', '1');
  }
  typeInto(gate, '#captcha', input.captcha ?? answer);
  submitButton(gate).click();
  return answer;
}

/** The PASS app request waiting on the member's phone (what the phone's owner sees). */
export async function pendingPass(backend: Backend): Promise<string> {
  let tx = '';
  for (let i = 0; i < 50 && !tx; i++) {
    const { requests } = await backend.dev<{ requests: { tx: string }[] }>('pass/pending', { phone: DEMO_MEMBER.phone });
    tx = requests[0]?.tx ?? '';
    if (!tx) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!tx) throw new Error('No PASS app request on the phone');
  return tx;
}
