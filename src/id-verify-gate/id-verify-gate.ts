/**
 * `<id-verify-gate>`: the orchestrator. It loads what the server offers, walks the learner
 * through consent → method → check → done, and tells the page the outcome through typed
 * events. It never decides success itself: the server issues the token and the LMS server
 * verifies it.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { clientContext, configContext, localeContext } from '../context.js';
import { VerifyClient, VerifyError } from '../client/index.js';
import { IdVerifyCancelEvent, IdVerifyFailureEvent, IdVerifySkipEvent, IdVerifySuccessEvent } from '../events.js';
import { isEnglish, loadEnglish, resolveTranslation, type Translation } from '../i18n/index.js';
import { VERIFY_METHODS, type ConfigResponse, type Purpose, type VerifyMethod } from '../protocol/index.js';
import { states } from '../internal/reactive-state.js';
import { baseStyles } from '../styles/base.js';
import { errorText } from './error-text.js';
import { gateStyles } from './id-verify-gate.styles.js';
import { renderNotice } from './steps/notice.js';
import { advance, initialGateState, isPhoneStep, type GateContext, type GateEvent, type GateNotice, type GateState, type GateStep } from './gate-flow.js';
import type { StepEvent } from './step-event.js';
import './steps/define.js';

export type { GateStep } from './gate-flow.js';

/** The phone chunk: its steps register themselves; it hands the gate their strings and views. */
type PhoneChunk = typeof import('./phone/define.js');

/** The gate's own reactive state (kept apart so the manifest does not list it as attributes). */
const INTERNAL_STATE = states('activeClient', 'config', 't', 'flow', 'narrow', 'phoneChunk');

/** Containers narrower than this get the mobile layout (the seed manual's 사진 1 / 사진 2). */
const MOBILE_MAX_WIDTH = 480;

/**
 * @tagname id-verify-gate
 * @summary The identity check an LMS page drops in: consent, then mOTP or a phone check
 * (PASS app, QR, SMS), with mOTP's lock lifted by a phone check.
 *
 * @slot notice - Replaces the default consent notice (the seed manual's course rules).
 * @fires {IdVerifySuccessEvent} id-verify-success - The learner is verified: `token` (send it to your server), `method`, `purpose`.
 * @fires {IdVerifyFailureEvent} id-verify-failure - The check ended without success: `code`, `message` (e.g. mOTP locked).
 * @fires {IdVerifyCancelEvent} id-verify-cancel - The learner cancelled.
 * @fires {IdVerifySkipEvent} id-verify-skip - The server's policy needs no check now: `purpose`.
 * @csspart frame - The box around every step.
 *
 * Theme tokens (defaults in `src/styles/tokens.ts`; the code field and the carrier picker
 * inside the gate read the same ones):
 * @cssproperty --idv-color-accent - Primary buttons, focus rings, checked carrier. Default `#1a56db`.
 * @cssproperty --idv-color-on-accent - Text on primary buttons. Default `#fff`.
 * @cssproperty --idv-color-text - Text. Default `#1f2937`.
 * @cssproperty --idv-color-muted - Help text and the step indicator. Default `#4b5563`.
 * @cssproperty --idv-color-border - Borders of the frame, fields, buttons and boxes. Default `#6b7280`.
 * @cssproperty --idv-color-surface - Background of the frame, fields and buttons. Default `#fff`.
 * @cssproperty --idv-color-subtle - Background of the notice and the 보안문자. Default `#f3f4f6`.
 * @cssproperty --idv-color-danger - Errors and the lock. Default `#b91c1c`.
 * @cssproperty --idv-color-success - Confirmations and "인증 완료". Default `#047857`.
 * @cssproperty --idv-radius - Corner radius of boxes, buttons and fields. Default `8px`.
 * @cssproperty --idv-space - Space between blocks. Default `12px`.
 * @cssproperty --idv-font-family - Font of all text. Default the system UI font, then Apple SD Gothic Neo, Malgun Gothic.
 * @cssproperty --idv-font-size - Base text size. Default `1rem`.
 * @cssproperty --idv-gate-max-width - Widest the gate grows. Default `40rem`.
 * @cssproperty --idv-gate-padding - Padding inside the frame. Default `20px` (`12px` under 480 px).
 * @cssproperty --idv-notice-max-height - Height of the consent notice before it scrolls. Default `16em`.
 * @cssproperty --idv-motp-slot-size - Width of a code box (see `<motp-input>`). Default `2.75rem`.
 * @cssproperty --idv-motp-gap - Space between code boxes. Default `0.5rem`.
 * @cssproperty --idv-carrier-columns - Columns of the carrier grid (see `<pass-carrier-picker>`).
 * @cssproperty --idv-carrier-gap - Space between carrier options. Default `0.5rem`.
 */
export class IdVerifyGate extends LitElement {
  static override styles = [baseStyles, gateStyles];

  // Declared without decorators: their helpers would cost the script-tag file more than this list.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    session: {},
    purpose: {},
    methods: {},
    layout: { reflect: true },
    lang: {},
    mvnoHelpUrl: { attribute: 'mvno-help-url' },
    strings: { attribute: false },
    client: { attribute: false },
    ...INTERNAL_STATE,
  };

  /** Base URL of the verification backend, e.g. `/api`. */
  endpoint = '';
  /** Opaque session the LMS server minted for the learner (sent as a bearer token). */
  session = '';
  /** Why the check is run; the server's policy decides whether it is needed now. */
  purpose: Purpose = 'login';
  /** Methods to offer and their order, e.g. `"motp phone"`; empty = all the server enables. */
  methods = '';
  /** `auto` follows the container's width; `desktop` or `mobile` forces a layout. */
  layout: 'auto' | 'desktop' | 'mobile' = 'auto';
  /** Language of the UI: Korean by default, `en` for English. */
  override lang = '';
  /** Where MVNO (알뜰폰) users check their host network; shows "알뜰폰 사업자 확인" on the carrier screen. */
  mvnoHelpUrl = '';
  /** Overrides for any string of the active language. */
  strings?: Partial<Translation>;
  /** A ready client (e.g. one talking to an in-page server); replaces `endpoint` + `session`. */
  client?: VerifyClient;

  private activeClient?: VerifyClient;
  private config?: ConfigResponse;
  private t: Translation = resolveTranslation('');
  // The steps get the client, the config and the strings through @lit/context.
  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly configProvider = new ContextProvider(this, { context: configContext });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext, initialValue: this.t });

  /** The flow's state: which screen shows, and what the phone path gathered (gate-flow.ts). */
  private flow: GateState = initialGateState;
  private narrow = false;
  /** The phone chunk, once loaded (a learner who stays on mOTP never downloads it). */
  private phoneChunk?: PhoneChunk;
  /**
   * Failed loads of the phone screens. Past the first, a reload is offered: some browsers
   * remember a module's failed download for the life of the page and fail every retry at once.
   */
  private loadFailures = 0;
  /** Why the config did not load; worded at render time, in the language then loaded. */
  private loadError?: VerifyError;
  private moveFocus = false;
  private translatedFrom: unknown[] = [];
  private readonly resize = new ResizeObserver(([entry]) => {
    const narrow = (entry?.contentRect.width ?? Infinity) < MOBILE_MAX_WIDTH;
    // Applied on the next frame: re-rendering inside the callback resizes the element again in
    // the same frame, which browsers report as "ResizeObserver loop completed…" errors.
    if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
  });

  // Every load is a Task: a newer run aborts the older one and only the latest result counts.

  /** The English strings (Korean ships in the main file). */
  private readonly english = new Task(this, {
    args: () => [isEnglish(this.lang)] as const,
    // Not initialState when unwanted: the config load awaits `taskComplete`, which that never settles.
    task: ([wanted]) => (wanted ? loadEnglish() : undefined),
  });

  /** What the server offers this learner now; each (re)load starts the flow over at consent. */
  private readonly setup = new Task(this, {
    args: () => [this.activeClient, this.purpose] as const,
    task: async ([client, purpose], { signal }) => {
      if (!client) return initialState;
      this.send({ kind: 'load' });
      // The first screen waits for its language too, so an English page never flashes Korean.
      const [config] = await Promise.all([client.config(purpose, { signal }), this.english.taskComplete]);
      return config;
    },
    onComplete: (config) => {
      this.config = config;
      // Back from the provider's window opened in this very page (its popup was blocked).
      const resume = location.hash.startsWith('#idv-window=');
      this.send({ kind: 'configured', required: config.required, purpose: config.purpose, resume });
    },
    onError: (error) => {
      const typed = VerifyError.from(error);
      // Aborted because the gate left the page; reconnecting loads again.
      if (typed.code === 'ABORTED') return;
      this.loadError = typed;
      this.send({ kind: 'load-failed', code: typed.code, message: errorText(this.t, typed) });
    },
  });

  /**
   * The phone chunk, fetched when a phone screen is asked for (with the provider window's own
   * chunk when that screen is the one), so a failed fetch of either is said with "다시 시도"
   * (then "새로고침" once a retry failed too);
   * a newer action makes the result moot.
   */
  private readonly phone = new Task(this, {
    args: () => [isPhoneStep(this.flow.pending), this.flow.pending === 'phone-window'] as const,
    task: async ([needed, window]) => {
      if (!needed) return initialState;
      const chunk = await import('./phone/define.js');
      // Through the phone chunk, its only importer: the two share their code without a third file.
      if (window) await chunk.loadWindowStep();
      return chunk;
    },
    onComplete: (chunk) => {
      this.phoneChunk = chunk;
      this.send({ kind: 'phone-loaded' });
    },
    onError: () => this.loadFailures++,
  });

  /** Current step of the flow. */
  get step(): GateStep {
    return this.flow.step;
  }

  /** Whether the mobile layout applies: forced by `layout`, else by the container's width. */
  get mobile(): boolean {
    return this.layout === 'mobile' || (this.layout === 'auto' && this.narrow);
  }

  /** Methods offered: the server's, filtered and ordered by the `methods` attribute. */
  get offeredMethods(): VerifyMethod[] {
    const config = this.config;
    if (!config) return [];
    const wanted = this.methods.trim() ? this.methods.trim().split(/\s+/) : [...VERIFY_METHODS];
    return wanted.filter(
      (method): method is VerifyMethod =>
        config.methods.includes(method as VerifyMethod) && (method !== 'motp' || config.motp.available),
    );
  }

  override connectedCallback() {
    super.connectedCallback();
    this.resize.observe(this);
    // Back on the page after a load was cut short by leaving it: load again.
    if (this.hasUpdated && this.setup.status === TaskStatus.ERROR) void this.setup.run();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.setup.abort();
  }

  override willUpdate(changed: PropertyValues<this>) {
    // A new translation only when one of its inputs changed: every step re-renders on a new one.
    const inputs = [this.lang, this.strings, this.phoneChunk, this.english.value];
    if (inputs.some((input, i) => input !== this.translatedFrom[i])) {
      this.translatedFrom = inputs;
      this.t = resolveTranslation(this.lang, this.strings, this.phoneChunk?.phoneStrings, this.english.value);
    }
    if (changed.has('client') || changed.has('endpoint') || changed.has('session')) {
      this.activeClient =
        this.client ?? (this.session ? new VerifyClient({ endpoint: this.endpoint, session: this.session }) : undefined);
    }
    this.clientProvider.setValue(this.activeClient);
    this.configProvider.setValue(this.config);
    this.localeProvider.setValue(this.t);
  }

  override async updated() {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    const step = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('.step');
    await step?.updateComplete;
    (step?.shadowRoot ?? step)?.querySelector('h2')?.focus();
  }

  /** Loads again what the server offers (the "다시 시도" of the unavailable screen); the flow starts over. */
  load() {
    if (this.english.status === TaskStatus.ERROR) void this.english.run();
    void this.setup.run();
  }

  private get flowContext(): GateContext {
    return {
      mobile: this.mobile,
      offered: this.offeredMethods,
      phoneReady: !!this.phoneChunk,
      windowOnly: this.config?.phoneMethods.join() === 'window',
    };
  }

  /** Applies `event` to the flow, and tells the page what the flow says it must hear. */
  private send(event: GateEvent) {
    const { state, notice } = advance(this.flow, event, this.flowContext);
    // Focus follows the learner's own moves (and the screen they waited for), not the loads.
    if (state.step !== this.flow.step && !['load', 'configured', 'load-failed'].includes(event.kind)) this.moveFocus = true;
    this.flow = state;
    if (notice) this.dispatchEvent(noticeEvent(notice));
  }

  private handleStep(event: StepEvent) {
    event.stopPropagation();
    this.send(event.action);
  }

  /** The line under the current screen while the next one downloads, or why it did not. */
  private renderPending() {
    const t = this.t;
    return this.flow.pending
      ? this.phone.render({
          pending: () => html`<p class="message" role="status">${t.stepLoading}</p>`,
          error: () => html`<p class="message error" role="alert">${t.stepLoadFailed}</p>
            <div class="actions">
              ${this.loadFailures > 1
                ? html`<button class="primary" @click=${() => location.reload()}>${t.reload}</button>`
                : html`<button class="primary" @click=${() => this.phone.run()}>${t.retry}</button>`}
            </div>`,
        })
      : nothing;
  }

  private renderStep() {
    const t = this.t;
    const step = this.flow.step;
    if (isPhoneStep(step)) {
      return this.phoneChunk!.phoneViews[step]({ flow: this.flow.phone, mobile: this.mobile, mvnoHelpUrl: this.mvnoHelpUrl });
    }
    switch (step) {
      case 'loading':
        return html`<p role="status">${t.loading}</p>`;
      case 'unavailable':
        return html`<p role="alert">${errorText(t, this.loadError!)}</p>
          <div class="actions"><button class="primary" @click=${() => this.load()}>${t.retry}</button></div>`;
      case 'skipped':
        return html`<p role="status">${t.notRequired}</p>`;
      case 'consent':
        return html`${this.config && !this.config.motp.available && this.config.methods.includes('phone')
            ? html`<p class="message ok" role="status">${t.substitute}</p>`
            : nothing}
          <idv-consent-step
            class="step"
            .methods=${this.consentMethods}
            ?agreed=${this.flow.agreed}
            ?phone-switch=${this.consentMethods.length < this.offeredMethods.length}
          >
            <slot name="notice" slot="notice">${renderNotice(t.notice)}</slot>
          </idv-consent-step>`;
      case 'motp':
        return html`<idv-motp-step
          class="step"
          ?mobile=${this.mobile}
          ?unlocked=${this.flow.unlocked}
          ?phone-available=${this.offeredMethods.includes('phone')}
        ></idv-motp-step>`;
      case 'done':
        return html`<div class="step">
          <h2 class="done" tabindex="-1">${t.doneTitle}</h2>
          <p role="status">${t.doneBody}</p>
        </div>`;
    }
  }

  /**
   * Methods on the consent screen. On mobile the manual opens on mOTP (사진 1) with a switch to
   * the phone: "MOTP인증하기" leads there, and the switch ("휴대폰 인증") stands beside it, so a
   * learner who wants the phone check goes straight to name and phone (사진 2).
   */
  private get consentMethods(): VerifyMethod[] {
    const offered = this.offeredMethods;
    return this.mobile && offered.includes('motp') ? ['motp'] : offered;
  }

  override render() {
    return html`<section
      class="frame ${this.mobile ? 'mobile' : ''}"
      part="frame"
      lang=${this.t.lang}
      aria-label=${this.t.gateLabel}
      @idv-step=${this.handleStep}
    >
      ${this.renderStep()} ${this.renderPending()}
    </section>`;
  }
}

/** The public event for a notice of the flow. */
function noticeEvent(notice: GateNotice): Event {
  switch (notice.kind) {
    case 'success':
      return new IdVerifySuccessEvent(notice.result.token, notice.result.method, notice.result.purpose);
    case 'failure':
      return new IdVerifyFailureEvent(notice.code, notice.message);
    case 'cancel':
      return new IdVerifyCancelEvent();
    case 'skip':
      return new IdVerifySkipEvent(notice.purpose);
  }
}
