/**
 * The gate's flow rules, with no DOM: `advance(state, event, context)` gives the next state and
 * what the page must be told. `<id-verify-gate>` renders the state and runs the effects (loads,
 * focus, events); every rule about which screen follows which lives here and is tested in Node
 * (test/client/gate-flow.test.ts).
 *
 * Adding a phone method: give it a row in {@link PHONE_ROUTES} (the screens that follow the
 * carrier and method screen, in order), add any new screen to {@link PHONE_STEPS}, and give that
 * screen a view in `phone/views.ts`. Nothing else here changes.
 */
import type { ClientErrorCode } from '../client/errors.js';
import type { ErrorCode, PhoneMethod, Purpose, TokenResponse, VerifyMethod } from '../protocol/index.js';
import type { PhoneFlow } from './phone-flow.js';
import type { StepAction } from './step-event.js';

/** The phone path's screens; they live in the on-demand phone chunk. */
export const PHONE_STEPS = ['phone-intro', 'phone-method', 'phone-identity', 'phone-wait', 'phone-sms', 'phone-window'] as const;
/** A screen of the phone path. */
export type PhoneStep = (typeof PHONE_STEPS)[number];

/** Where the gate is in the flow. */
export type GateStep = 'loading' | 'unavailable' | 'consent' | 'motp' | PhoneStep | 'done' | 'skipped';

/**
 * The screens that follow the carrier and method screen, per phone method, in order. "Back"
 * walks this list backwards (then to the method screen); "처음부터 다시" returns to its first entry.
 */
export const PHONE_ROUTES: Readonly<Record<PhoneMethod, readonly PhoneStep[]>> = {
  app: ['phone-identity', 'phone-wait'],
  qr: ['phone-identity', 'phone-wait'],
  sms: ['phone-identity', 'phone-sms'],
  // The provider's own window asks for the carrier, the method and the learner's details.
  window: ['phone-window'],
};

/** True for the screens that need the phone chunk. */
export const isPhoneStep = (step: GateStep | undefined): step is PhoneStep => PHONE_STEPS.includes(step as PhoneStep);

/** Everything the flow remembers. */
export interface GateState {
  /** The screen shown. */
  step: GateStep;
  /** A screen asked for whose code is still loading; a newer action replaces it. */
  pending?: GateStep;
  /** "동의합니다" was ticked (kept across back and forward, cleared by cancel). */
  agreed: boolean;
  /** A phone check has just lifted the mOTP lock. */
  unlocked: boolean;
  /** The phone path so far. */
  phone: Partial<PhoneFlow>;
}

/** What the flow reads from the gate but does not own. */
export interface GateContext {
  /** The mobile layout applies (the manual's 사진 1 / 사진 2). */
  mobile: boolean;
  /** Methods the gate offers, in order. */
  offered: readonly VerifyMethod[];
  /** The phone chunk has loaded. */
  phoneReady: boolean;
  /** The server offers the phone check only in the provider's own window (NICE). */
  windowOnly: boolean;
}

/** What happens to the gate: a step's request, or the outcome of one of its loads. */
export type GateEvent =
  | StepAction
  /** The server's config is being (re)loaded. */
  | { kind: 'load' }
  /**
   * The config arrived: whether a check is needed now, and for which purpose. `resume`: the
   * page came back from the provider's window opened in the same window (popup blocked).
   */
  | { kind: 'configured'; required: boolean; purpose: Purpose; resume?: boolean }
  /** The config could not be loaded. */
  | { kind: 'load-failed'; code: ErrorCode | ClientErrorCode; message: string }
  /** The phone chunk has loaded: a pending phone screen may show. */
  | { kind: 'phone-loaded' };

/** What the gate must tell the page (as its public events). */
export type GateNotice =
  | { kind: 'success'; result: TokenResponse }
  | { kind: 'failure'; code: ErrorCode | ClientErrorCode; message: string }
  | { kind: 'cancel' }
  | { kind: 'skip'; purpose: Purpose };

/** The next state, and the notice for the page, if any. */
export interface Transition {
  state: GateState;
  notice?: GateNotice;
}

/** Where every gate starts. */
export const initialGateState: GateState = { step: 'loading', agreed: false, unlocked: false, phone: {} };

/** Shows `step` at once, dropping any screen still waiting for its code. */
function show({ pending: _dropped, ...state }: GateState, step: GateStep): GateState {
  return { ...state, step };
}

/** Shows `step`, or (its code not loaded yet) keeps the current screen and waits for it. */
function goTo(state: GateState, step: GateStep, context: GateContext): GateState {
  return isPhoneStep(step) && !context.phoneReady ? { ...state, pending: step } : show(state, step);
}

/** Starts the phone path from the current screen, keeping a name and phone typed on an earlier run. */
function startPhone(state: GateState, unlock: boolean, context: GateContext): GateState {
  const { name, number } = state.phone;
  const from = state.step === 'motp' ? 'motp' : 'consent';
  const phone: Partial<PhoneFlow> = { unlock, from, ...(name === undefined ? {} : { name }), ...(number === undefined ? {} : { number }) };
  if (context.windowOnly) return goTo({ ...state, phone: { ...phone, method: 'window' } }, 'phone-window', context);
  return goTo({ ...state, phone }, context.mobile ? 'phone-intro' : 'phone-method', context);
}

/** The screen "이전" leads to from the current one. */
function previous(state: GateState, context: GateContext): GateStep {
  const { step, phone } = state;
  const route = phone.method ? PHONE_ROUTES[phone.method] : [];
  const at = route.indexOf(step as PhoneStep);
  if (at > 0) return route[at - 1]!;
  if (at === 0 && !context.windowOnly) return 'phone-method';
  if (step === 'phone-method' && context.mobile) return 'phone-intro';
  if (at === 0 || step === 'phone-method' || step === 'phone-intro') return phone.from ?? 'consent';
  return 'consent';
}

/** The phone screen after the current one, once `patch` is applied. */
function nextPhoneStep(state: GateState): GateStep {
  if (state.step === 'phone-intro') return 'phone-method';
  const route = state.phone.method ? PHONE_ROUTES[state.phone.method] : [];
  if (state.step === 'phone-method') return route[0] ?? 'phone-method';
  return route[route.indexOf(state.step as PhoneStep) + 1] ?? state.step;
}

/** The gate's state after `event`. */
export function advance(state: GateState, event: GateEvent, context: GateContext): Transition {
  switch (event.kind) {
    case 'load':
      return { state: { ...initialGateState } };
    case 'configured':
      // A (re)load starts over: nothing of an earlier run carries into the new session — unless
      // the page is back from the provider's window, whose result the window screen picks up.
      if (event.resume) return { state: startPhone({ ...initialGateState, step: 'consent', agreed: true }, false, context) };
      return event.required
        ? { state: { ...initialGateState, step: 'consent' } }
        : { state: { ...initialGateState, step: 'skipped' }, notice: { kind: 'skip', purpose: event.purpose } };
    case 'load-failed':
      return {
        state: { ...initialGateState, step: 'unavailable' },
        ...(event.code === 'UNAUTHORIZED' ? { notice: { kind: 'failure', code: event.code, message: event.message } } : {}),
      };
    case 'phone-loaded':
      return { state: state.pending ? show(state, state.pending) : state };
    case 'choose': {
      const agreed = { ...state, agreed: true };
      return { state: event.method === 'motp' ? goTo(agreed, 'motp', context) : startPhone(agreed, false, context) };
    }
    case 'phone':
      return { state: startPhone(state, event.unlock, context) };
    case 'next': {
      const phone = { ...state.phone, ...event.patch };
      return { state: goTo({ ...state, phone }, nextPhoneStep({ ...state, phone }), context) };
    }
    case 'restart': {
      const first = state.phone.method ? PHONE_ROUTES[state.phone.method][0] : undefined;
      return { state: goTo(state, first ?? 'phone-method', context) };
    }
    case 'back':
      return { state: goTo(state, previous(state, context), context) };
    case 'cancel':
      return { state: { ...show(state, 'consent'), agreed: false, phone: {} }, notice: { kind: 'cancel' } };
    case 'verified':
      if (event.result.purpose === 'motp-unlock') {
        // The phone check only lifted the lock: back to mOTP for the real verification.
        return { state: { ...show(state, 'motp'), unlocked: true, phone: {} } };
      }
      return { state: show(state, 'done'), notice: { kind: 'success', result: event.result } };
    case 'failed':
      return { state, notice: { kind: 'failure', code: event.code, message: event.message } };
  }
}
