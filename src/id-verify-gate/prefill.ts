/**
 * What the forms show filled in from the session (docs/architecture.md, "The flow the learner
 * walks"): the learner's name, and the registered phone masked until the learner edits it. An
 * untouched masked field is sent as `registeredPhone: true`; an edited one as typed.
 */
import { html } from 'lit';
import { normalizeKoreanMobile, type ConfigResponse, type PhoneChoice } from '../protocol/index.js';

/** The registered phone as the field shows it (`010-****-5678`), or '' when none is known. */
export const maskedPhone = (config?: ConfigResponse): string => config?.learner?.phone ?? '';

/** What a phone field holding `value` names, or null when it is neither the masked number nor a valid one. */
export function phoneChoice(value: string, config?: ConfigResponse): PhoneChoice | null {
  if (value && value === maskedPhone(config)) return { registeredPhone: true };
  return normalizeKoreanMobile(value) ? { phone: value } : null;
}

/** Focus on a field still showing the masked number selects it, so typing replaces it whole. */
function selectMasked(event: FocusEvent) {
  const field = event.target as HTMLInputElement;
  if (field.value.includes('*')) field.select();
}

/** A phone field (`id` is also its name) showing `value`, else the registered number masked. */
export const phoneField = (id: string, label: string, placeholder: string, config?: ConfigResponse, value?: string) =>
  html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${id} type="tel" inputmode="tel" autocomplete="tel-national" maxlength="20" required
      placeholder=${placeholder} .value=${value ?? maskedPhone(config)} @focus=${selectMasked} />
  </div>`;

/** The name field, showing `value`, else the name the LMS registered. */
export const nameField = (label: string, config?: ConfigResponse, value?: string) =>
  html`<div class="field">
    <label for="name">${label}</label>
    <input id="name" name="name" type="text" autocomplete="name" maxlength="30" required .value=${value ?? config?.learner?.name ?? ''} />
  </div>`;
