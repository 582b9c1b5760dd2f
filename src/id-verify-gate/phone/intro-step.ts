/**
 * Mobile only, the seed manual's 사진 2: name and phone first, then "인증하기" leads into the
 * phone check, which carries both along so the learner never types them twice. Both start
 * filled in from the session (the phone masked), so usually nothing is typed here at all.
 */
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { maskedPhone, phoneChoice, selectMasked } from '../prefill.js';
import { PhoneStep } from './phone-step.js';

/** @summary The mobile phone-check intro of `<id-verify-gate>`. */
export class PhoneIntroStep extends PhoneStep {
  @state() private error = '';

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const number = (form.elements.namedItem('number') as HTMLInputElement).value;
    const p = this.p;
    if (!name) return this.refuse(p.nameInvalid, form, 'name');
    if (!phoneChoice(number, this.config)) return this.refuse(this.t.phoneInvalid, form, 'number');
    this.emit({ kind: 'next', patch: { name, number } });
  }

  private refuse(message: string, form: HTMLFormElement, field: string) {
    this.error = message;
    (form.elements.namedItem(field) as HTMLInputElement).focus();
  }

  override render() {
    const p = this.p;
    return html`
      ${this.stages()}
      <h2 tabindex="-1">${p.introHeading}</h2>
      <p>${p.introBody}</p>
      <p class="help">${p.introNote}</p>
      <form novalidate @submit=${this.handleSubmit}>
        <div class="field">
          <label for="name">${p.name}</label>
          <input id="name" name="name" type="text" autocomplete="name" maxlength="30" .value=${this.flow.name ?? this.config?.learner?.name ?? ''} required />
        </div>
        <div class="field">
          <label for="number">${p.number}</label>
          <input id="number" name="number" type="tel" inputmode="tel" autocomplete="tel-national" maxlength="20" .value=${this.flow.number ?? maskedPhone(this.config)} @focus=${selectMasked} required />
        </div>
        <p class="message error" role="alert">${this.error}</p>
        <div class="actions">
          <button class="primary" type="submit">${p.start}</button>
          ${this.navigation()}
        </div>
      </form>
    `;
  }
}
