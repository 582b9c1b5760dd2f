/**
 * What every step shares: the gate's client, config and strings from context, a heading the
 * gate focuses on arrival, and one way to talk to the gate.
 */
import { LitElement, html, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { clientContext, configContext, localeContext } from '../context.js';
import type { VerifyClient } from '../client/index.js';
import { ko, type PhoneStrings, type Translation } from '../i18n/index.js';
import type { ConfigResponse } from '../protocol/index.js';
import { baseStyles } from '../styles/base.js';
import type { PhoneFlow } from './phone-flow.js';
import { StepEvent, type StepAction } from './step-event.js';

/** Base class of the gate's steps. */
export class StepBase extends LitElement {
  static override styles = [baseStyles];
  // Declared without decorators: their helpers would cost the script-tag file more than this list.
  static override properties: PropertyDeclarations = { flow: { attribute: false }, mobile: { type: Boolean } };

  // Each consumer re-renders the step when the gate provides a new value.
  private readonly locale = new ContextConsumer(this, { context: localeContext, subscribe: true });
  private readonly clientFromGate = new ContextConsumer(this, { context: clientContext, subscribe: true });
  private readonly configFromGate = new ContextConsumer(this, { context: configContext, subscribe: true });

  /** The phone path's state so far (phone steps only). */
  flow: Partial<PhoneFlow> = {};
  /** True when the gate lays out for a phone-sized container. */
  mobile = false;

  /** The strings of the gate's language. */
  protected get t(): Translation {
    return this.locale.value ?? ko;
  }

  /** The gate's client. */
  protected get client(): VerifyClient | undefined {
    return this.clientFromGate.value;
  }

  /** What the server offers this learner now. */
  protected get config(): ConfigResponse | undefined {
    return this.configFromGate.value;
  }

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
