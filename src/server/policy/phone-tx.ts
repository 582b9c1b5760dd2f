/**
 * Phone transactions as the app keeps them: who started one, for what, and the life of its
 * current SMS code. A transaction belongs to the learner (LMS subject) who started it: any
 * session of that learner may go on with it, another learner's session is told it does not
 * exist (docs/security.md rule 8). Records hold no phone, name, birth date or code (docs/security.md rule 19): the line
 * is a keyed hash, and the code lives with the provider.
 *
 * Next to each record: an attempt counter (charged before a code is compared, atomically) and
 * a single-use marker (set-if-absent when a check succeeds), so that a code or an approval
 * yields at most one token (docs/security.md rule 6).
 */
import { LIMITS, type Carrier, type PhoneMethod, type Purpose } from '../../protocol/index.js';
import { randomToken, type KeyedHasher } from '../crypto.js';
import type { AttemptCharge, Store } from '../stores/store.js';

/** Entropy of a transaction id in bytes (128 bits, base64url: 22 characters). */
const TX_BYTES = 16;
const TX_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** Records outlive a code's longest life a while, so a late call hears `EXPIRED`, not `NOT_FOUND`. */
const RECORD_TTL_MS = LIMITS.smsMaxLifeSeconds * 1000 + 10 * 60 * 1000;

/** One phone transaction. */
export interface PhoneTx {
  /** The id the widget holds (random; useless without the learner's session). */
  id: string;
  /** LMS subject id of the learner who started it. */
  subject: string;
  /** What the check is for: the session's purpose, or `motp-unlock`. */
  purpose: Purpose;
  /** PASS app, QR or SMS. */
  method: PhoneMethod;
  /** Carrier picked. */
  carrier: Carrier;
  /** Keyed hash of the phone, for the resend throttles. */
  line: string;
  /** When the current code (or request) was issued, epoch ms. */
  issuedAt: number;
  /** When it stops being accepted, epoch ms; never past `issuedAt` + 600 s. */
  expiresAt: number;
}

/** The transaction records. */
export interface PhoneTxs {
  /** A fresh random id. */
  newId(): string;
  /** Stores a transaction (new or updated). */
  save(tx: PhoneTx): Promise<void>;
  /** The learner's transaction, or undefined when unknown, malformed or another learner's. */
  load(id: string, subject: string): Promise<PhoneTx | undefined>;
  /** Charges one code attempt before the comparison; refused once the code's attempts are spent. */
  charge(id: string): Promise<AttemptCharge>;
  /** Gives back an attempt the provider never judged. */
  refund(id: string): Promise<void>;
  /** Code attempts spent so far (resends keep them: docs/security.md rule 5). */
  failures(id: string): Promise<number>;
  /** Marks the transaction used; true for the first caller only. */
  claimUse(id: string): Promise<boolean>;
  /** True once a check of this transaction succeeded (or ended in a mismatch). */
  used(id: string): Promise<boolean>;
}

/** Creates the records over `store`, keyed by a keyed hash of the id. */
export function createPhoneTxs(store: Store, hash: KeyedHasher): PhoneTxs {
  const keyOf = async (kind: string, id: string) => `phone:${kind}:${await hash('phone-tx', id)}`;
  return {
    newId: () => randomToken(TX_BYTES),
    async save(tx) {
      const { id, ...record } = tx;
      await store.set(await keyOf('tx', id), record, RECORD_TTL_MS);
    },
    async load(id, subject) {
      if (!TX_PATTERN.test(id)) return undefined;
      const record = await store.get<Omit<PhoneTx, 'id'>>(await keyOf('tx', id));
      return record && record.subject === subject ? { id, ...record } : undefined;
    },
    charge: async (id) => store.chargeAttempt(await keyOf('failures', id), LIMITS.smsMaxFailures, RECORD_TTL_MS),
    refund: async (id) => store.refund(await keyOf('failures', id)),
    async failures(id) {
      const count = await store.get<number>(await keyOf('failures', id));
      return typeof count === 'number' ? count : 0;
    },
    claimUse: async (id) => store.setIfAbsent(await keyOf('used', id), true, RECORD_TTL_MS),
    used: async (id) => (await store.get(await keyOf('used', id))) !== undefined,
  };
}
