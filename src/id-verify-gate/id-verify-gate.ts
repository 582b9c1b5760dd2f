/**
 * `<id-verify-gate>`: the orchestrator. It loads what the server offers, walks the learner
 * through consent → method → check → done, and tells the page the outcome through typed
 * events. It never decides success itself: the server issues the token and the LMS server
 * verifies it.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { clientContext, configContext, localeContext } from '../context.js';
import { VerifyClient, VerifyError } from '../client/index.js';
import { IdVerifyCancelEvent, IdVerifyFailureEvent, IdVerifySkipEvent, IdVerifySuccessEvent } from '../events.js';
import { resolveTranslation, type Translation } from '../i18n/index.js';
import { VERIFY_METHODS, type ConfigResponse, type Purpose, type VerifyMethod } from '../protocol/index.js';
import { baseStyles } from '../styles/tokens.js';
import { errorText } from './error-text.js';
import { gateStyles } from './id-verify-gate.styles.js';
import { renderNotice } from './steps/notice.js';
import { StepEvent } from './step-event.js';
import './steps/define.js';

/** Where the gate is in the flow. */
export type GateStep = 'loading' | 'unavailable' | 'consent' | 'motp' | 'done' | 'skipped';

/** The part of a step element the gate calls. */
interface StepElement extends HTMLElement {
  focusHeading(): void;
  updateComplete: Promise<boolean>;
}

/**
 * @summary The identity check an LMS page drops in: consent, then mOTP (phone checks later).
 *
 * @slot notice - Replaces the default consent notice (the seed manual's course rules).
 * @event id-verify-success - `IdVerifySuccessEvent` with `token`, `method`, `purpose`.
 * @event id-verify-failure - `IdVerifyFailureEvent` with `code`, `message` (e.g. mOTP locked).
 * @event id-verify-cancel - `IdVerifyCancelEvent`: the learner cancelled.
 * @event id-verify-skip - `IdVerifySkipEvent`: the server's policy needs no check now.
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
  private moveFocus = false;
  private loadController?: AbortController;

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

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.loadController?.abort();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('lang') || changed.has('strings')) this.t = resolveTranslation(this.lang, this.strings);
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

  /** Loads (or reloads) what the server offers; the gate starts over at consent. */
  async load() {
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    const client = this.activeClient;
    if (!client) return;
    this.step = 'loading';
    try {
      this.config = await client.config(this.purpose, { signal: controller.signal });
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

  private go(step: GateStep) {
    this.moveFocus = true;
    this.step = step;
  }

  private handleStep(event: StepEvent) {
    event.stopPropagation();
    const action = event.action;
    switch (action.kind) {
      case 'choose':
        this.agreed = true;
        if (action.method === 'motp') this.go('motp');
        break;
      case 'back':
        this.go('consent');
        break;
      case 'cancel':
        this.agreed = false;
        this.go('consent');
        this.dispatchEvent(new IdVerifyCancelEvent());
        break;
      case 'verified':
        this.go('done');
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
        return html`<idv-consent-step class="step" .methods=${this.offeredMethods} ?agreed=${this.agreed}>
          <slot name="notice" slot="notice">${renderNotice(t.notice)}</slot>
        </idv-consent-step>`;
      case 'motp':
        return html`<idv-motp-step class="step" ?phone-available=${this.offeredMethods.includes('phone')}></idv-motp-step>`;
      case 'done':
        return html`<div class="step">
          <h2 class="done" tabindex="-1">${t.doneTitle}</h2>
          <p role="status">${t.doneBody}</p>
        </div>`;
    }
  }

  override render() {
    return html`<section class="frame" part="frame" lang=${this.t.lang} aria-label=${this.t.gateLabel} @idv-step=${this.handleStep}>
      ${this.renderStep()}
    </section>`;
  }
}
