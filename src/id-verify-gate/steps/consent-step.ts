/**
 * Consent and method choice, on one screen as in the seed manual: the institution's notice,
 * the required "동의합니다" box, then one button per method the server enables.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { VerifyMethod } from '../../protocol/index.js';
import { states } from '../../internal/reactive-state.js';
import { StepBase } from '../step-base.js';

/**
 * @summary The consent step of `<id-verify-gate>`.
 * @slot notice - The notice text (the gate forwards its own `notice` slot here).
 */
export class ConsentStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    css`
      .notice {
        max-height: var(--idv-notice-max-height, 16em);
        overflow: auto;
        padding: var(--_gap);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_subtle);
        font-size: 0.9em;
      }
      .agree {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-top: var(--_gap);
        min-height: 44px;
      }
      .agree input {
        width: 22px;
        height: 22px;
        margin: 0;
      }
      h3 {
        font-size: 1.05em;
        margin: calc(var(--_gap) * 1.5) 0 0;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    methods: { attribute: false },
    agreed: { type: Boolean },
    phoneSwitch: { type: Boolean, attribute: 'phone-switch' },
    ...states('showRequired'),
  };

  /** Methods to offer, in order. */
  methods: VerifyMethod[] = [];
  /** Whether the box is ticked (kept by the gate across back/forward). */
  agreed = false;
  /** Mobile: beside "MOTP인증하기", the 사진 1 switch "휴대폰 인증", straight to name and phone. */
  phoneSwitch = false;

  private showRequired = false;

  private get checkbox() {
    return this.renderRoot.querySelector<HTMLInputElement>('#agree')!;
  }

  private handleAgree(event: Event) {
    this.agreed = (event.target as HTMLInputElement).checked;
    if (this.agreed) this.showRequired = false;
  }

  private handleChoose(method: VerifyMethod) {
    if (!this.agreed) {
      this.showRequired = true;
      this.checkbox.focus();
      return;
    }
    this.emit({ kind: 'choose', method });
  }

  override render() {
    const t = this.t;
    return html`
      <h2 tabindex="-1">${t.notice.title}</h2>
      <div class="notice" tabindex="0" role="region" aria-label=${t.notice.title}>
        <slot name="notice"></slot>
      </div>
      <label class="agree">
        <input
          id="agree"
          type="checkbox"
          .checked=${this.agreed}
          aria-invalid=${this.showRequired ? 'true' : 'false'}
          aria-describedby="agree-error"
          @change=${this.handleAgree}
        />
        ${t.agree}
      </label>
      <p id="agree-error" class="message error" role="alert">${this.showRequired ? t.agreeRequired : ''}</p>
      <h3>${t.methodHeading}</h3>
      ${this.methods.length === 0 ? html`<p role="alert">${t.noMethods}</p>` : ''}
      <div class="actions">
        ${this.methods.map(
          (method) =>
            html`<button class="primary" part="method-button" data-method=${method} @click=${() => this.handleChoose(method)}>
              ${t.methodLabel[method]}
            </button>`,
        )}
        ${this.phoneSwitch ? html`<button @click=${() => this.handleChoose('phone')}>${t.switchToPhone}</button>` : nothing}
        <button @click=${() => this.emit({ kind: 'cancel' })}>${t.cancel}</button>
      </div>
    `;
  }
}
