/**
 * What `POST /v1/phone/start` accepts (docs/security.md rule 10, 16, 17), checked before anything is spent
 * — no captcha, no send, no throttle slot:
 *
 * - no string in the body but the phone may carry 8 or more digits once spaces, dashes and
 *   dots are dropped: the birth field takes the date and one digit (`YYMMDD-D`), never more of
 *   the resident registration number, and nothing else may smuggle it in;
 * - carrier and method from the protocol's lists (and the provider's methods);
 * - a name of 1–30 Hangul or latin letters and spaces;
 * - a Korean mobile number (a foreign one is refused here, before any send);
 * - consent given;
 * - birth for SMS only: a real date, not in the future, whose digit fits its century
 *   (1, 2, 5, 6 ↔ 19xx; 3, 4, 7, 8 ↔ 20xx).
 *
 * Refusals name the field, never echo its value.
 */
import {
  CARRIERS,
  PHONE_METHODS,
  PURPOSES,
  normalizeDigits,
  type Carrier,
  type PhoneMethod,
  type PhoneStartDetails,
  type PhoneStartRequest,
  type Purpose,
  type Unchecked,
} from '../../protocol/index.js';
import { parseBirth } from '../identity.js';
import { refuse, type Refusal } from './refusal.js';
import { requestedPhone } from './registered-phone.js';

/**
 * A start request that passed every input rule: the protocol's request details without their
 * consent (given, or it would have been refused), the name NFC and trimmed, the birth
 * `YYMMDD-D` (SMS only), the captcha still to be checked, and the phone to send to in
 * canonical digits (the typed one, or the session's).
 */
export type PhoneStartFields = Omit<PhoneStartDetails, 'consent'> & { phone: string };

const NAME_PATTERN = /^[\p{Script=Hangul}A-Za-z ]{1,30}$/u;
/** Eight digits in a row: more than the birth date and its one digit. */
const RESIDENT_RUN = /[0-9]{8,}/;
/** Fields whose values may legitimately hold long digit runs: the phone, and the captcha's random id. */
const EXEMPT = new Set(['phone', 'captcha.id']);
const MAX_CAPTCHA_ID = 100;
const MAX_CAPTCHA_ANSWER = 64;

const carriesResidentNumber = (text: string) => RESIDENT_RUN.test(normalizeDigits(text));

/**
 * The path of the first string value carrying 8+ digits (`birth`, `extra.note`, …; for a key
 * that carries them, its parent's path, or `body`), or null. Walks the parsed body
 * iteratively: its depth is bounded only by the body size.
 */
export function residentNumberField(body: unknown): string | null {
  const queue: Array<[string, unknown]> = [['', body]];
  while (queue.length > 0) {
    const [path, value] = queue.pop()!;
    if (typeof value === 'string') {
      if (!EXEMPT.has(path) && carriesResidentNumber(value)) return path || 'body';
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        // A key that carries the digits is named by its parent: the key itself must not be echoed.
        if (carriesResidentNumber(key)) return path || 'body';
        const at = path ? `${path}.${key}` : key;
        queue.push([at, inner]);
      }
    }
  }
  return null;
}

/** `YYMMDD-D` from what the learner typed (`900101-1`, `9001011`, full-width digits), or a refusal. */
function readBirth(raw: unknown, today: string): string | Refusal {
  const invalid = (message: string) => refuse('INVALID_INPUT', message, { field: 'birth' });
  if (typeof raw !== 'string') return invalid('The birth date (YYMMDD-D) is required for SMS');
  const digits = normalizeDigits(raw);
  if (!/^[0-9]{7}$/.test(digits)) return invalid('The birth date must be YYMMDD and one digit');
  const birth = `${digits.slice(0, 6)}-${digits.slice(6)}`;
  const parsed = parseBirth(birth);
  if (!parsed) return invalid('The birth date is not a real date, or the digit does not fit its century');
  if (parsed.date > today) return invalid('The birth date is in the future');
  return birth;
}

/**
 * Checks a start request's body. `methods` are the provider's phone methods; `today` is the
 * KST date (`YYYY-MM-DD`) birth dates must not be after; `registered` is the session's phone,
 * which `registeredPhone: true` names.
 */
export function readPhoneStart(
  body: Unchecked<PhoneStartRequest>,
  methods: readonly PhoneMethod[],
  today: string,
  registered: string,
): PhoneStartFields | Refusal {
  const resident = residentNumberField(body);
  if (resident !== null) {
    return refuse('INVALID_INPUT', 'Only the birth date and one digit may be sent, never more of the resident number', {
      field: resident,
    });
  }
  const { carrier, method, name, consent, captcha, purpose } = body;
  if (!(CARRIERS as readonly unknown[]).includes(carrier)) {
    return refuse('INVALID_INPUT', 'Unknown carrier', { field: 'carrier' });
  }
  if (!(PHONE_METHODS as readonly unknown[]).includes(method) || !methods.includes(method as PhoneMethod)) {
    return refuse('INVALID_INPUT', 'This phone method is not offered', { field: 'method' });
  }
  const typedName = typeof name === 'string' ? name.normalize('NFC').trim() : '';
  if (!NAME_PATTERN.test(typedName)) {
    return refuse('INVALID_INPUT', 'The name must be 1–30 Hangul or latin letters', { field: 'name' });
  }
  const phone = requestedPhone(body, registered);
  if (!phone) return refuse('INVALID_INPUT', 'The phone must be a Korean mobile number', { field: 'phone' });
  if (consent !== true) return refuse('CONSENT_REQUIRED', 'Consent to the identity check is required', { field: 'consent' });

  const fields: PhoneStartFields = {
    carrier: carrier as Carrier,
    method: method as PhoneMethod,
    name: typedName,
    phone,
    captcha: { id: '', answer: '' },
  };
  if (method === 'sms') {
    const birth = readBirth(body.birth, today);
    if (typeof birth !== 'string') return birth;
    fields.birth = birth;
  } else if (body.birth !== undefined) {
    return refuse('INVALID_INPUT', 'The birth date is sent for SMS only', { field: 'birth' });
  }

  const { id, answer } = (typeof captcha === 'object' && captcha !== null ? captcha : {}) as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof answer !== 'string' ||
    id.length > MAX_CAPTCHA_ID ||
    answer.length > MAX_CAPTCHA_ANSWER
  ) {
    return refuse('INVALID_INPUT', 'The captcha id and answer are required', { field: 'captcha' });
  }
  fields.captcha = { id, answer };
  if (purpose !== undefined) {
    if (!(PURPOSES as readonly unknown[]).includes(purpose)) {
      return refuse('INVALID_INPUT', 'Unknown purpose', { field: 'purpose' });
    }
    fields.purpose = purpose as Purpose;
  }
  return fields;
}
