/**
 * What the forms show filled in from the session (docs/architecture.md, "The flow"): the
 * learner's name, and the registered phone masked until the learner edits it. An untouched
 * masked field is sent as `registeredPhone: true`; an edited one as typed.
 */
import { normalizeKoreanMobile, type ConfigResponse, type PhoneChoice } from '../protocol/index.js';

/** The registered phone as the field shows it (`010-****-5678`), or '' when none is known. */
export const maskedPhone = (config?: ConfigResponse): string => config?.learner?.phone ?? '';

/** What a phone field holding `value` names, or null when it is neither the masked number nor a valid one. */
export function phoneChoice(value: string, config?: ConfigResponse): PhoneChoice | null {
  if (value && value === maskedPhone(config)) return { registeredPhone: true };
  return normalizeKoreanMobile(value) ? { phone: value } : null;
}

/** Focus handler of a prefilled phone field: the masked number is selected, so typing replaces it whole. */
export function selectMasked(event: FocusEvent) {
  const field = event.target as HTMLInputElement;
  if (field.value.includes('*')) field.select();
}
