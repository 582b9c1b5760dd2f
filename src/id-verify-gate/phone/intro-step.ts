/**
 * Mobile only, the seed manual's 사진 2: name and phone first, then "인증하기" leads into the
 * phone check, which carries both along so the learner never types them twice. Both start
 * filled in from the session (the phone masked), so usually nothing is typed here at all.
 */
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { nameField, phoneChoice, phoneField } from '../prefill.js';
import { StepBase } from '../step-base.js';
import { stageIndicator, stageStyles } from './stage-indicator.js';

/** @summary The mobile phone-check intro of `<id-verify-gate>`. */
export class PhoneIntroStep extends StepBase {
  static override styles = [...StepBase.styles, stageStyles];

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
      ${stageIndicator(this.p, 1)}
      <h2 tabindex="-1">${p.introHeading}</h2>
      <p>${p.introBody}</p>
      <p class="help">${p.introNote}</p>
      <form novalidate @submit=${this.handleSubmit}>
        ${nameField(p.name, this.config, this.flow.name)}
        ${phoneField('number', p.number, this.t.phonePlaceholder, this.config, this.flow.number)}
        ${this.submitActions(this.error, p.start)}
      </form>
    `;
  }
}
