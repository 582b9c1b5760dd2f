/**
 * `<id-verify-gate>`: the orchestrator. It loads what the server offers, walks the learner
 * through consent → method → check → done, and tells the page the outcome through typed
 * events. It never decides success itself: the server issues the token and the LMS server
 * verifies it.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { clientContext, configContext, localeContext } from '../context.js';
import { VerifyClient, VerifyError } from '../client/index.js';
import { IdVerifyCancelEvent, IdVerifyFailureEvent, IdVerifySkipEvent, IdVerifySuccessEvent } from '../events.js';
import { isEnglish, loadEnglish, resolveTranslation, type PhoneStrings, type Translation } from '../i18n/index.js';
import { VERIFY_METHODS, type ConfigResponse, type Purpose, type VerifyMethod } from '../protocol/index.js';
import { baseStyles } from '../styles/tokens.js';
import { errorText } from './error-text.js';
import { gateStyles } from './id-verify-gate.styles.js';
import { renderNotice } from './steps/notice.js';
import type { PhoneFlow } from './phone-flow.js';
import { StepEvent } from './step-event.js';
import './steps/define.js';

/** Where the gate is in the flow. */
export type GateStep =
  | 'loading'
  | 'unavailable'
  | 'consent'
  | 'motp'
  | 'phone-intro'
  | 'phone-method'
  | 'phone-identity'
  | 'phone-wait'
  | 'phone-sms'
  | 'done'
  | 'skipped';

/** The steps that live in the on-demand phone chunk. */
const PHONE_STEPS: readonly GateStep[] = ['phone-intro', 'phone-method', 'phone-identity', 'phone-wait', 'phone-sms'];

/** Containers narrower than this get the mobile layout (the seed manual's 사진 1 / 사진 2). */
const MOBILE_MAX_WIDTH = 480;

/** The part of a step element the gate calls. */
interface StepElement extends HTMLElement {
  focusHeading(): void;
  updateComplete: Promise<boolean>;
}

/**
 * @summary The identity check an LMS page drops in: consent, then mOTP or a phone check
 * (PASS app, QR, SMS), with mOTP's lock lifted by a phone check.
 *
 * @slot notice - Replaces the default consent notice (the seed manual's course rules).
 * @fires {IdVerifySuccessEvent} id-verify-success - The learner is verified: `token` (send it to your server), `method`, `purpose`.
 * @fires {IdVerifyFailureEvent} id-verify-failure - The check ended without success: `code`, `message` (e.g. mOTP locked).
 * @fires {IdVerifyCancelEvent} id-verify-cancel - The learner cancelled.
 * @fires {IdVerifySkipEvent} id-verify-skip - The server's policy needs no check now: `purpose`.
 * @csspart frame - The box around every step.
 * @cssproperty --idv-color-accent - Primary buttons and focus rings.
 * @cssproperty --idv-font-family - Font of all text.
 * @cssproperty --idv-radius - Corner radius of boxes, buttons and fields.
 * @cssproperty --idv-gate-max-width - Widest the gate grows (default 40rem).
 */
export class IdVerifyGate extends LitElement {
  static override styles = [baseStyles, gateStyles];

  /** Base URL of the verification backend, e.g. `/api`. */
  @property() endpoint = '';
  /** Opaque session the LMS server minted for the learner (sent as a bearer token). */
  @property() session = '';
  /** Why the check is run; the server's policy decides whether it is needed now. */
  @property() purpose: Purpose = 'login';
  /** Methods to offer and their order, e.g. `"motp phone"`; empty = all the server enables. */
  @property() methods = '';
  /** `auto` follows the container's width; `desktop` or `mobile` forces a layout. */
  @property({ reflect: true }) layout: 'auto' | 'desktop' | 'mobile' = 'auto';
  /** Language of the UI: Korean by default, `en` for English. */
  @property() override lang = '';
  /** Where MVNO (알뜰폰) users check their host network; shows "알뜰폰 사업자 확인" on the carrier screen. */
  @property({ attribute: 'mvno-help-url' }) mvnoHelpUrl = '';
  /** Overrides for any string of the active language. */
  @property({ attribute: false }) strings?: Partial<Translation>;
  /** A ready client (e.g. one talking to an in-page server); replaces `endpoint` + `session`. */
  @property({ attribute: false }) client?: VerifyClient;

  @provide({ context: clientContext })
  @state()
  private activeClient?: VerifyClient;

  @provide({ context: configContext })
  @state()
  private config?: ConfigResponse;

  @provide({ context: localeContext })
  @state()
  private t: Translation = resolveTranslation('');

  /** Current step of the flow. */
  @state() step: GateStep = 'loading';
  @state() private agreed = false;
  @state() private loadError = '';
  @state() private flow: Partial<PhoneFlow> = {};
  @state() private narrow = false;
  @state() private unlocked = false;
  /** English strings, once loaded (Korean ships in the main file). */
  @state() private english?: Translation;
  private englishLoading?: Promise<void>;
  /** The phone path's strings, once its chunk has loaded. */
  @state() private phonePack?: { ko: PhoneStrings; en: PhoneStrings };
  private moveFocus = false;
  private loadController?: AbortController;
  private readonly resize = new ResizeObserver(([entry]) => {
    const narrow = (entry?.contentRect.width ?? Infinity) < MOBILE_MAX_WIDTH;
    // Applied on the next frame: re-rendering inside the callback resizes the element again in
    // the same frame, which browsers report as "ResizeObserver loop completed…" errors.
    if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
  });

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
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.loadController?.abort();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('lang') && isEnglish(this.lang) && !this.english) void this.loadLanguage();
    if (['lang', 'strings', 'phonePack', 'english'].some((key) => changed.has(key as keyof IdVerifyGate))) {
      this.t = resolveTranslation(this.lang, this.strings, this.phonePack, this.english);
    }
    if (changed.has('client') || changed.has('endpoint') || changed.has('session') || changed.has('purpose')) {
      this.activeClient =
        this.client ?? (this.session ? new VerifyClient({ endpoint: this.endpoint, session: this.session }) : undefined);
      if (this.activeClient) void this.load();
    }
  }

  override async updated(changed: PropertyValues<this>) {
    if (changed.has('step') && this.moveFocus) {
      this.moveFocus = false;
      const step = this.renderRoot.querySelector<StepElement>('.step');
      await step?.updateComplete;
      if (step?.focusHeading) step.focusHeading();
      else step?.querySelector('h2')?.focus();
    }
  }

  /** Fetches the English strings once; the gate stays on "loading" until they are here. */
  private loadLanguage(): Promise<void> {
    return (this.englishLoading ??= loadEnglish().then(
      (english) => void (this.english = english),
      () => void (this.englishLoading = undefined),
    ));
  }

  /** Loads (or reloads) what the server offers; the gate starts over at consent. */
  async load() {
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    const client = this.activeClient;
    if (!client) return;
    this.step = 'loading';
    try {
      const config = client.config(this.purpose, { signal: controller.signal });
      if (isEnglish(this.lang)) await this.loadLanguage();
      this.config = await config;
      this.step = this.config.required ? 'consent' : 'skipped';
      if (!this.config.required) this.dispatchEvent(new IdVerifySkipEvent(this.config.purpose));
    } catch (error) {
      if (controller.signal.aborted) return;
      const typed = error instanceof VerifyError ? error : new VerifyError({ code: 'BAD_RESPONSE', message: String(error) }, 0);
      this.loadError = errorText(this.t, typed);
      this.step = 'unavailable';
      if (typed.code === 'UNAUTHORIZED') this.dispatchEvent(new IdVerifyFailureEvent(typed.code, this.loadError));
    }
  }

  private async go(step: GateStep) {
    // The phone path is a separate chunk, fetched the first time a learner takes it.
    if (PHONE_STEPS.includes(step) && !this.phonePack) {
      this.phonePack = (await import('./phone/define.js')).phoneStrings;
      await this.updateComplete;
    }
    this.moveFocus = true;
    this.step = step;
  }

  /** Starts the phone path: to verify, or (`unlock`) to lift the mOTP lock and come back. */
  private startPhone(unlock: boolean) {
    this.flow = { unlock, ...(this.flow.name ? { name: this.flow.name, number: this.flow.number } : {}) };
    void this.go(this.mobile ? 'phone-intro' : 'phone-method');
  }

  /** The step "back" leads to from the current one. */
  private previous(): GateStep {
    switch (this.step) {
      case 'phone-sms':
      case 'phone-wait':
        return 'phone-identity';
      case 'phone-identity':
        return 'phone-method';
      case 'phone-method':
      case 'phone-intro':
        if (this.step === 'phone-method' && this.mobile) return 'phone-intro';
        // Back to where the phone path started: mOTP (unlock, or mobile's first screen) or consent.
        return this.flow.unlock || (this.mobile && this.offeredMethods.includes('motp')) ? 'motp' : 'consent';
      default:
        return 'consent';
    }
  }

  /** The phone step after the current one, once `patch` is applied. */
  private nextPhoneStep(): GateStep {
    if (this.step === 'phone-intro') return 'phone-method';
    if (this.step === 'phone-method') return 'phone-identity';
    return this.flow.method === 'sms' ? 'phone-sms' : 'phone-wait';
  }

  private handleStep(event: StepEvent) {
    event.stopPropagation();
    const action = event.action;
    switch (action.kind) {
      case 'choose':
        this.agreed = true;
        if (action.method === 'motp') void this.go('motp');
        else this.startPhone(false);
        break;
      case 'phone':
        this.startPhone(action.unlock);
        break;
      case 'next':
        this.flow = { ...this.flow, ...action.patch };
        void this.go(this.nextPhoneStep());
        break;
      case 'restart':
        void this.go('phone-identity');
        break;
      case 'back':
        void this.go(this.previous());
        break;
      case 'cancel':
        this.agreed = false;
        this.flow = {};
        void this.go('consent');
        this.dispatchEvent(new IdVerifyCancelEvent());
        break;
      case 'verified':
        if (action.result.purpose === 'motp-unlock') {
          // The phone check only lifted the lock: back to mOTP for the real verification.
          this.unlocked = true;
          this.flow = {};
          void this.go('motp');
          break;
        }
        void this.go('done');
        this.dispatchEvent(new IdVerifySuccessEvent(action.result.token, action.result.method, action.result.purpose));
        break;
      case 'failed':
        this.dispatchEvent(new IdVerifyFailureEvent(action.code, action.message));
        break;
    }
  }

  private renderStep() {
    const t = this.t;
    switch (this.step) {
      case 'loading':
        return html`<p role="status">${t.loading}</p>`;
      case 'unavailable':
        return html`<p role="alert">${this.loadError}</p>
          <div class="actions"><button class="primary" @click=${() => this.load()}>${t.retry}</button></div>`;
      case 'skipped':
        return html`<p role="status">${t.notRequired}</p>`;
      case 'consent':
        return html`${this.config && !this.config.motp.available && this.config.methods.includes('phone')
            ? html`<p class="message ok" role="status">${t.substitute}</p>`
            : nothing}
          <idv-consent-step class="step" .methods=${this.consentMethods} ?agreed=${this.agreed}>
            <slot name="notice" slot="notice">${renderNotice(t.notice)}</slot>
          </idv-consent-step>`;
      case 'motp':
        return html`<idv-motp-step
          class="step"
          ?mobile=${this.mobile}
          ?unlocked=${this.unlocked}
          ?phone-available=${this.offeredMethods.includes('phone')}
        ></idv-motp-step>`;
      case 'phone-intro':
        return html`<idv-phone-intro-step class="step" .flow=${this.flow} ?mobile=${this.mobile}></idv-phone-intro-step>`;
      case 'phone-method':
        return html`<idv-phone-method-step
          class="step"
          .flow=${this.flow}
          ?mobile=${this.mobile}
          mvno-help-url=${this.mvnoHelpUrl}
        ></idv-phone-method-step>`;
      case 'phone-identity':
        return html`<idv-phone-identity-step class="step" .flow=${this.flow} ?mobile=${this.mobile}></idv-phone-identity-step>`;
      case 'phone-wait':
        return html`<idv-phone-wait-step class="step" .flow=${this.flow} ?mobile=${this.mobile}></idv-phone-wait-step>`;
      case 'phone-sms':
        return html`<idv-phone-sms-step class="step" .flow=${this.flow} ?mobile=${this.mobile}></idv-phone-sms-step>`;
      case 'done':
        return html`<div class="step">
          <h2 class="done" tabindex="-1">${t.doneTitle}</h2>
          <p role="status">${t.doneBody}</p>
        </div>`;
    }
  }

  /**
   * Methods on the consent screen. On mobile the seed manual opens on mOTP (사진 1) with a
   * switch to the phone, so mOTP alone is offered there when it is available.
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
      ${this.renderStep()}
    </section>`;
  }
}
