/**
 * Carrier, method and "본인확인 이용 동의(필수)" — the seed manual's first two PASS screens, in
 * their order. QR is offered on desktop layouts only (it is scanned from another screen).
 */
import { css, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PassCarrierPicker } from '../../pass-carrier-picker/pass-carrier-picker.js';
import { PHONE_METHODS, type Carrier, type PhoneMethod } from '../../protocol/index.js';
import { StepBase } from '../step-base.js';
import { stageIndicator, stageStyles } from './stage-indicator.js';

/** @summary Carrier and method choice of the phone check in `<id-verify-gate>`. */
export class PhoneMethodStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    stageStyles,
    css`
      fieldset {
        border: 0;
        margin: 0 0 var(--_gap);
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 8px;
      }
      .method {
        display: flex;
        gap: 10px;
        align-items: center;
        min-height: 44px;
        padding: 6px 10px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin-bottom: 6px;
        font-weight: 400;
      }
      .method:has(:checked) {
        border-color: var(--_accent);
        box-shadow: inset 0 0 0 1px var(--_accent);
      }
      .method small {
        display: block;
        color: var(--_muted);
      }
      .consent {
        display: flex;
        gap: 8px;
        align-items: center;
        min-height: 44px;
      }
      input[type='radio'],
      input[type='checkbox'] {
        width: 20px;
        height: 20px;
        margin: 0;
      }
    `,
  ];

  /** Passed to the carrier picker's "알뜰폰 사업자 확인" link. */
  @property({ attribute: 'mvno-help-url' }) mvnoHelpUrl = '';

  @query('pass-carrier-picker') private picker!: PassCarrierPicker;
  @state() private error = '';

  /** Methods this layout offers, in the manual's order, among those the server enables. */
  private get methods(): PhoneMethod[] {
    const enabled = this.config?.phoneMethods ?? [];
    return PHONE_METHODS.filter((m) => enabled.includes(m) && (m !== 'qr' || !this.mobile));
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const p = this.p;
    const carrier = this.picker.value as Carrier | '';
    const method = (form.elements.namedItem('method') as RadioNodeList).value as PhoneMethod | '';
    const consent = (form.elements.namedItem('consent') as HTMLInputElement).checked;
    if (!carrier) return this.refuse(p.carrierRequired, this.picker);
    if (!method) return this.refuse(p.methodHeading, form.querySelector('input[name="method"]'));
    if (!consent) return this.refuse(p.consentRequired, form.elements.namedItem('consent') as HTMLElement);
    this.emit({ kind: 'next', patch: { carrier, method } });
  }

  private refuse(message: string, field: HTMLElement | null) {
    this.error = message;
    field?.focus();
  }

  override render() {
    const p = this.p;
    const chosen = this.flow.method ?? this.methods[0];
    return html`
      ${stageIndicator(this.p, 1)}
      <h2 tabindex="-1">${p.carrierHeading}</h2>
      <form novalidate @submit=${this.handleSubmit}>
        <pass-carrier-picker name="carrier" label=${p.carrierHeading} .carrierLabels=${p.carrierLabels ?? {}} .value=${this.flow.carrier ?? ''} mvno-help-url=${this.mvnoHelpUrl} mvno-help-text=${p.mvnoHelp}></pass-carrier-picker>
        <fieldset>
          <legend>${p.methodHeading}</legend>
          ${this.methods.map(
            (m) => html`<label class="method">
              <input type="radio" name="method" value=${m} ?checked=${m === chosen} />
              <span>${p.methodLabel[m]}<small>${p.methodHint[m]}</small></span>
            </label>`,
          )}
        </fieldset>
        <label class="consent"><input type="checkbox" name="consent" ?checked=${!!this.flow.carrier} /> ${p.consent}</label>
        ${this.submitActions(this.error, p.next)}
      </form>
    `;
  }
}
