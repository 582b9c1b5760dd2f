/**
 * Learner sessions: the opaque bearer the LMS server mints and the widget sends. The store
 * never holds the bearer itself (the record is keyed by its keyed hash) nor the learner's
 * name, phone or birth date in clear (they are sealed under a key derived from the bearer),
 * so a store dump identifies nobody and lets nobody act as a learner.
 */
import { PURPOSES, normalizeKoreanMobile, type CourseContext, type Purpose } from '../protocol/index.js';
import { openWith, randomToken, sealingKey, sealWith, type KeyedHasher, type Sealed, type SealingKey } from './crypto.js';
import { parseBirth } from './identity.js';
import { createLru } from './lru.js';
import type { Store } from './stores/store.js';

/** Sessions live this long after they are minted. */
export const SESSION_TTL_MS = 30 * 60 * 1000;

/**
 * Sessions whose unsealing material (the store handle, the derived AES key and, once a call
 * needed it, the opened personal data) one process keeps at most, the least recently used
 * dropped first, none past the session's life. Otherwise every request pays an HMAC, an HKDF
 * and an AES-GCM opening. This memory already holds the bearer itself; the store and the logs
 * never hold any of it in clear.
 */
export const SESSION_KEY_CACHE_MAX = 10_000;

/** What the LMS server hands over when it mints a session. */
export interface SessionInput {
  /** The learner's LMS subject id (goes into the token's `sub`). */
  subject: string;
  /** The learner's name, as registered with the institution. */
  name: string;
  /** The learner's registered mobile phone, in any accepted spelling. */
  phone: string;
  /** `YYMMDD-D`: birth date and the gender/century digit, for the SMS path. */
  birth?: string;
  /** Why the check is run; the token carries it. */
  purpose: Purpose;
  /**
   * The course the check belongs to (HRD Korea's course and class keys and the lesson number).
   * The HRD Korea mOTP provider sends it with every code; other providers ignore it.
   */
  course?: CourseContext;
}

/** A minted session: the bearer for the widget and the nonce the token will carry. */
export interface MintedSession {
  /** Opaque bearer for `Authorization: Bearer`. */
  session: string;
  /** Nonce the LMS keeps to match the result token against this session. */
  nonce: string;
}

/** The learner's personal data, kept sealed in the store and opened only when a check needs it. */
export interface Personal {
  /** Learner's name. */
  name: string;
  /** Canonical digits (`01012345678`). */
  phone: string;
  /** `YYMMDD-D`, when the LMS gave it. */
  birth?: string;
}

/** A session as the handlers see it. */
export interface Session {
  /** Keyed hash of the bearer: scopes per-session records without holding the bearer. */
  handle: string;
  /** LMS subject id. */
  subject: string;
  /** Why the check is run. */
  purpose: Purpose;
  /** Nonce for the result token. */
  nonce: string;
  /** The course the check belongs to, when the LMS gave it. */
  course?: CourseContext;
  /**
   * The learner's name, phone and birth, opened on the first call that needs them and kept with
   * the session's key in this process. Status, streams, captchas and refused input never ask.
   */
  personal(): Promise<Personal>;
}

interface SessionRecord {
  subject: string;
  purpose: Purpose;
  nonce: string;
  /** Not personal: course keys and a lesson number. */
  course?: CourseContext;
  personal: Sealed;
}

/** Why a session input was refused: the field name, never its value. */
export class SessionInputError extends TypeError {
  /** The refused field. */
  readonly field: string;

  constructor(field: string) {
    super(`Invalid session field: ${field}`);
    this.name = 'SessionInputError';
    this.field = field;
  }
}

const SEAL_INFO = 'id-verify/session-personal';
const BEARER_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_TEXT = 200;
/** Course and class keys: visible ASCII (institution ids such as `52` or `AB12,3`), at most 100 characters. */
const COURSE_KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;
/** The lesson number: two digits (`00` for enrolment). */
const CLASS_TIME_PATTERN = /^\d{2}$/;
const COURSE_FIELDS = ['coursePk', 'classPk', 'classTime'] as const;

const isText = (value: unknown, max = MAX_TEXT): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** Checks and canonicalises a session input; throws {@link SessionInputError} naming the field. */
export function validateSessionInput(input: SessionInput): SessionInput {
  if (!isText(input.subject)) throw new SessionInputError('subject');
  if (!isText(input.name, 100)) throw new SessionInputError('name');
  const phone = normalizeKoreanMobile(input.phone);
  if (!phone) throw new SessionInputError('phone');
  // Only the 7 digits the SMS path may forward (birth date + one digit), never more, and a real date.
  if (input.birth !== undefined && !(typeof input.birth === 'string' && parseBirth(input.birth))) {
    throw new SessionInputError('birth');
  }
  if (!(PURPOSES as readonly unknown[]).includes(input.purpose)) throw new SessionInputError('purpose');
  const out: SessionInput = { ...input, phone };
  if (input.birth === undefined) delete out.birth;
  if (input.course === undefined) delete out.course;
  else out.course = validateCourse(input.course);
  return out;
}

/** A copy of `course` holding exactly its three fields; throws naming the first bad one (`course.classTime`). */
function validateCourse(course: unknown): CourseContext {
  if (typeof course !== 'object' || course === null || Array.isArray(course)) throw new SessionInputError('course');
  const fields = course as Record<string, unknown>;
  const extra = Object.keys(fields).find((key) => !(COURSE_FIELDS as readonly string[]).includes(key));
  if (extra !== undefined) throw new SessionInputError('course');
  const key = (name: 'coursePk' | 'classPk') => {
    const value = fields[name];
    if (typeof value !== 'string' || !COURSE_KEY_PATTERN.test(value)) throw new SessionInputError(`course.${name}`);
    return value;
  };
  const classTime = fields.classTime;
  if (typeof classTime !== 'string' || !CLASS_TIME_PATTERN.test(classTime)) throw new SessionInputError('course.classTime');
  return { coursePk: key('coursePk'), classPk: key('classPk'), classTime };
}

/** Mints and resolves sessions over a store. */
export interface SessionRegistry {
  /** Mints a session for a validated input. */
  create(input: SessionInput): Promise<MintedSession>;
  /** The live session for a bearer, or `undefined` when unknown, expired or malformed. */
  load(bearer: string): Promise<Session | undefined>;
}

/** What opening a bearer's session needs, kept per live session in this process. */
interface Unsealer {
  /** Keyed hash of the bearer: the store key's suffix. */
  handle: string;
  /** The AES-GCM key the personal data is sealed under (non-extractable). */
  key: SealingKey;
  /** The personal data, once a call opened it: sealed once at minting, it never changes. */
  opened?: Promise<Personal>;
}

/** Creates the session registry; `cacheMax` bounds the sessions whose keys are kept (see {@link SESSION_KEY_CACHE_MAX}). */
export function createSessionRegistry(store: Store, hash: KeyedHasher, cacheMax = SESSION_KEY_CACHE_MAX): SessionRegistry {
  // Keyed by the bearer itself: only this process's memory holds it, never the store, and only
  // bearers whose session was found are added, so unknown ones cannot push live ones out.
  const unsealers = createLru<string, Unsealer>({ max: cacheMax, ttlMs: SESSION_TTL_MS });
  const unsealerOf = async (bearer: string): Promise<Unsealer> => ({
    handle: await hash('session', bearer),
    key: await sealingKey(bearer, SEAL_INFO),
  });
  return {
    async create(raw) {
      const input = validateSessionInput(raw);
      const session = randomToken(32);
      const nonce = randomToken(16);
      const personal: Personal = { name: input.name, phone: input.phone };
      if (input.birth !== undefined) personal.birth = input.birth;
      const unsealer = await unsealerOf(session);
      const record: SessionRecord = {
        subject: input.subject,
        purpose: input.purpose,
        nonce,
        ...(input.course ? { course: input.course } : {}),
        personal: await sealWith(unsealer.key, personal),
      };
      await store.set(`session:${unsealer.handle}`, record, SESSION_TTL_MS);
      unsealers.set(session, unsealer);
      return { session, nonce };
    },
    async load(bearer) {
      if (!BEARER_PATTERN.test(bearer)) return undefined;
      const cached = unsealers.get(bearer);
      const handle = cached?.handle ?? (await hash('session', bearer));
      // The store stays the authority: an expired or removed session is gone whatever is cached.
      const record = await store.get<SessionRecord>(`session:${handle}`);
      if (!record) {
        unsealers.delete(bearer);
        return undefined;
      }
      const unsealer = cached ?? { handle, key: await sealingKey(bearer, SEAL_INFO) };
      if (!cached) unsealers.set(bearer, unsealer);
      return {
        handle,
        subject: record.subject,
        purpose: record.purpose,
        nonce: record.nonce,
        ...(record.course !== undefined ? { course: record.course } : {}),
        personal: () => (unsealer.opened ??= openWith<Personal>(unsealer.key, record.personal)),
      };
    },
  };
}
