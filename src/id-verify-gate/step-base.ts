/**
 * What every step shares: its link to the gate (strings, client, config), the flow and layout
 * the gate hands it, "이전" / "취소", and one way to ask the gate for a transition.
 */
import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import type { VerifyClient } from '../client/index.js';
import type { PhoneStrings, Translation } from '../i18n/index.js';
import type { ConfigResponse } from '../protocol/index.js';
import { baseStyles } from '../styles/base.js';
import { GateLink } from './gate-link.js';
import type { PhoneFlow } from './phone-flow.js';
import { StepEvent, type StepAction } from './step-event.js';

/** Base class of the gate's steps. */
export class StepBase extends LitElement {
  static override styles = [baseStyles];
  // Declared without decorators: their helpers would cost the script-tag file more than this list.
  static override properties: PropertyDeclarations = { flow: { attribute: false }, mobile: { type: Boolean } };

  private readonly gate = new GateLink(this);

  /** The phone path's state so far (phone steps only). */
  flow: Partial<PhoneFlow> = {};
  /** True when the gate lays out for a phone-sized container. */
  mobile = false;

  /** The strings of the gate's language. */
  protected get t(): Translation {
    return this.gate.t;
  }

  /** The gate's client. */
  protected get client(): VerifyClient | undefined {
    return this.gate.client;
  }

  /** What the server offers this learner now. */
  protected get config(): ConfigResponse | undefined {
    return this.gate.config;
  }

  /** Phone-path strings: present once the phone steps (which alone use them) have loaded. */
  protected get p(): PhoneStrings {
    return this.t.phone!;
  }

  /** "이전" and "취소", offered on every step after consent. */
  protected navigation() {
    return html`<button type="button" @click=${() => this.emit({ kind: 'back' })}>${this.t.back}</button>
      <button type="button" @click=${() => this.emit({ kind: 'cancel' })}>${this.t.cancel}</button>`;
  }

  /**
   * The end of a step's form: its error line, its submit button (`label`; off while `disabled`,
   * `aria-disabled` while `busy`), any `more` buttons, then "이전" and "취소".
   */
  protected submitActions(error: unknown, label: string, { disabled = false, busy = false } = {}, more: unknown = nothing) {
    return html`<p class="message error" role="alert">${error}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${disabled} aria-disabled=${busy ? 'true' : 'false'}>${label}</button>
        ${more} ${this.navigation()}
      </div>`;
  }

  /** Asks the gate for a transition. */
  protected emit(action: StepAction) {
    this.dispatchEvent(new StepEvent(action));
  }
}
