/**
 * The check none of the hosted 본인인증 windows makes: is the person the carrier verified the
 * member of this LMS account? Name and birth date are compared with what the LMS registered;
 * the phone is not, since a learner may verify with a phone other than the one on file.
 */
import { normalizeName, parseBirth } from '../identity.js';
import type { VerifiedIdentity } from '../providers/phone/provider.js';
import type { Personal } from '../sessions.js';

/**
 * True when `identity` is the session's learner: same name (compared as {@link normalizeName}
 * reads it) and, when the LMS registered one, the same birth date. A check that verified
 * nobody (`null`) never matches.
 */
export function isSamePerson(learner: Pick<Personal, 'name' | 'birth'>, identity: VerifiedIdentity | null): boolean {
  if (!identity) return false;
  if (normalizeName(learner.name) !== normalizeName(identity.name)) return false;
  if (learner.birth === undefined) return true;
  return parseBirth(learner.birth)?.date === identity.birthDate;
}
