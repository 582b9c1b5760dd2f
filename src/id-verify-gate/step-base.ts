/**
 * What every step shares: the gate's client, config and strings from context, a heading the
 * gate focuses on arrival, and one way to talk to the gate.
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clientContext, configContext, localeContext } from '../context.js';
import type { VerifyClient } from '../client/index.js';
import { ko, type PhoneStrings, type Translation } from '../i18n/index.js';
import type { ConfigResponse } from '../protocol/index.js';
import { baseStyles } from '../styles/tokens.js';
import type { PhoneFlow } from './phone-flow.js';
import { StepEvent, type StepAction } from './step-event.js';

/** Base class of the gate's steps. */
export class StepBase extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected t: Translation = ko;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client?: VerifyClient;

  @consume({ context: configContext, subscribe: true })
  @state()
  protected config?: ConfigResponse;

  /** The phone path's state so far (phone steps only). */
  @property({ attribute: false }) flow: Partial<PhoneFlow> = {};
  /** True when the gate lays out for a phone-sized container. */
  @property({ type: Boolean }) mobile = false;

  /** Phone-path strings: present once the phone steps (which alone use them) have loaded. */
  protected get p(): PhoneStrings {
    return this.t.phone!;
  }

  /** Moves focus to the step's heading (the gate calls it on arrival). */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** "이전" and "취소", offered on every step after consent. */
  protected navigation() {
    return html`<button type="button" @click=${() => this.emit({ kind: 'back' })}>${this.t.back}</button>
      <button type="button" @click=${() => this.emit({ kind: 'cancel' })}>${this.t.cancel}</button>`;
  }

  /** Asks the gate for a transition. */
  protected emit(action: StepAction) {
    this.dispatchEvent(new StepEvent(action));
  }
}
