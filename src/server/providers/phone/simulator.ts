/**
 * The simulated carrier and the phones behind it: the dev default, and what the demo's phone
 * simulator page and the tests drive through `/v1/dev/*`.
 *
 * Everything it remembers lives in a {@link Store} (the app's, when the app creates the
 * simulator), so that several instances of the app on one shared store simulate one carrier:
 * a code sent through one instance shows in the inbox read through another.
 * - The carrier's transaction records hold no phone, name, birth date or code — only keyed
 *   hashes of them, exactly what a real deployment's store may hold.
 * - The world outside the server — the subscriber directory and each phone's SMS inbox — must
 *   show names and codes in clear to the simulated phone, so it is sealed (AES-GCM under a key
 *   derived from the hash key) before it reaches the store. A store dump shows none of it.
 * - The seed lines given at creation are configuration, the same in every instance, and stay
 *   in memory.
 *
 * Sending to an unknown phone does the same work and answers the same as sending to a known
 * one; only the delivery (an inbox line, a pending push) is skipped (docs/security.md rule 22).
 */
import {
  LIMITS,
  normalizeKoreanMobile,
  type Carrier,
  type DevInboxResponse,
  type DevPassPendingResponse,
  type PhoneMethod,
} from '../../../protocol/index.js';
import {
  createKeyedHasher,
  open,
  randomBytes,
  randomNumericCode,
  seal,
  timingSafeEqual,
  toBase64Url,
  type KeyedHasher,
  type Sealed,
} from '../../crypto.js';
import { DEMO_LEARNER } from '../../demo-learner.js';
import { normalizeName, parseBirth } from '../../identity.js';
import { createMemoryStore } from '../../stores/memory.js';
import type { Store } from '../../stores/store.js';
import type {
  PhoneConfirmation,
  PhoneProvider,
  PhoneProviderStatus,
  PhoneStarted,
  PhoneStartInput,
  VerifiedIdentity,
} from './provider.js';

/** A line in the simulated carrier's directory. */
export interface SimulatorSubscriber {
  /** The subscriber's name. */
  name: string;
  /** Their mobile number, in any accepted spelling. */
  phone: string;
  /** `YYMMDD-D`. */
  birth: string;
}

/** Options of {@link createSimulatorPhoneProvider}. */
export interface SimulatorPhoneProviderOptions {
  /**
   * Where the carrier's records, directory and inboxes live (a private memory store by
   * default); instances sharing one store and one `hashKey` simulate one carrier.
   */
  store?: Store;
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Key for the records' hashes and the sealed directory and inboxes (random when absent). */
  hashKey?: Uint8Array;
  /** Lines the directory knows from the start (default: the demo learner). */
  subscribers?: readonly SimulatorSubscriber[];
}

/** The simulator: a {@link PhoneProvider} plus the controls of the simulated phones. */
export interface SimulatorPhoneProvider extends PhoneProvider {
  /** Adds (or replaces) a line in the directory; throws `TypeError` on a malformed phone or birth. */
  register(subscriber: SimulatorSubscriber): Promise<void>;
  /** The phone's SMS inbox, oldest first (empty for an unknown phone). */
  inbox(phone: string): Promise<DevInboxResponse['messages']>;
  /** PASS app requests still waiting on the phone, oldest first. */
  pending(phone: string): Promise<DevPassPendingResponse['requests']>;
  /** The phone's owner approves a pending PASS app request; false when there is none. */
  approve(tx: string): Promise<boolean>;
  /** The phone's owner denies a pending PASS app request; false when there is none. */
  deny(tx: string): Promise<boolean>;
  /** The phone's owner types the PC's 6-digit number into PASS; false when no pending QR request has it. */
  approveQr(phone: string, number: string): Promise<boolean>;
}

/** How long a PASS push or QR request waits for the phone. */
const REQUEST_LIFE_MS = LIMITS.smsCodeTtlSeconds * 1000;
/** The carrier's own hard limit on an SMS code; the app's rules end it earlier. */
const CODE_LIFE_MS = LIMITS.smsMaxLifeSeconds * 1000;
/** Records outlive their requests a while, so late polls get an answer instead of nothing. */
const RECORD_TTL_MS = CODE_LIFE_MS + 10 * 60 * 1000;
/** What an inbox keeps: the last few messages of the last hour, like a glance at the phone. */
const INBOX_MAX = 20;
const INBOX_AGE_MS = 60 * 60 * 1000;
/** Requests a phone keeps waiting at most (older ones are forgotten, as if dismissed). */
const REQUESTS_MAX = 20;
/** A line registered by a session stays known this long after its last registration. */
export const SIMULATOR_LINE_TTL_MS = 24 * 60 * 60 * 1000;
/** Sequence numbers never run out: a counter the store charges without a real ceiling. */
const NO_CEILING = Number.MAX_SAFE_INTEGER;
const SEAL_INFO = 'id-verify/phone-simulator';

type CarrierState = 'pending' | 'approved' | 'rejected' | 'verified';

/** The carrier's record of one request: hashes only. */
interface CarrierRecord {
  method: PhoneMethod;
  carrier: Carrier;
  /** Keyed hash of the line. */
  line: string;
  /** Keyed hash of the typed name (and, for SMS, birth), checked against the subscriber. */
  claim: string;
  /** Keyed hash of the latest SMS code, bound to the transaction; gone once used. */
  code?: string;
  /** Keyed hash of the QR number, bound to the transaction. */
  number?: string;
  state: CarrierState;
  requestedAt: number;
  expiresAt: number;
}

/** The SMS as the phone shows it, in the style of the seed manual's screenshots. */
export function smsText(code: string): string {
  return `[Web발신]\n[id-verify]인증번호 [${code}]를 입력해주세요. 사칭 전화사기에 주의하세요.`;
}

/** Creates the simulator. */
export function createSimulatorPhoneProvider(options: SimulatorPhoneProviderOptions = {}): SimulatorPhoneProvider {
  const clock = options.clock ?? Date.now;
  const store = options.store ?? createMemoryStore({ clock });
  const hashKey = options.hashKey ?? randomBytes(32);
  const hash: KeyedHasher = createKeyedHasher(hashKey);
  const sealSecret = toBase64Url(hashKey);
  /** Line hash → seed subscriber (configuration: the same in every instance). */
  const seeds = new Map<string, SimulatorSubscriber>();

  const recordKey = (tx: string) => `phone-sim:tx:${tx}`;
  const lineKey = (line: string) => `phone-sim:line:${line}`;
  const lineOf = (phone: string) => hash('phone-sim-line', phone);
  const claimOf = (name: string, birth: string | undefined) =>
    hash('phone-sim-claim', `${normalizeName(name)}\n${birth ?? ''}`);
  const codeHash = (tx: string, code: string) => hash('phone-sim-code', `${tx}\n${code}`);
  const numberHash = (tx: string, number: string) => hash('phone-sim-qr', `${tx}\n${number}`);

  const load = (tx: string) => store.get<CarrierRecord>(recordKey(tx));
  const save = (tx: string, record: CarrierRecord) => store.set(recordKey(tx), record, RECORD_TTL_MS);
  const live = (record: CarrierRecord | undefined, method?: PhoneMethod): record is CarrierRecord =>
    record !== undefined &&
    record.state === 'pending' &&
    clock() < record.expiresAt &&
    (!method || record.method === method);

  /** Checks a subscriber synchronously, so bad seed data fails at creation, not later. */
  const canonicalOf = (subscriber: SimulatorSubscriber): SimulatorSubscriber => {
    const phone = normalizeKoreanMobile(subscriber.phone);
    if (!phone) throw new TypeError('Not a Korean mobile number');
    if (!parseBirth(subscriber.birth)) throw new TypeError('Birth must be YYMMDD-D');
    return { name: subscriber.name, phone, birth: subscriber.birth };
  };
  // Every call waits for the seed lines, so none races the hashing of the first ones.
  const seeded = Promise.all(
    (options.subscribers ?? [DEMO_LEARNER]).map(canonicalOf).map(async (subscriber) => {
      seeds.set(await lineOf(subscriber.phone), subscriber);
    }),
  );

  /** The line's subscriber: the latest registration in the store, else a seed line. */
  const subscriberOf = async (line: string): Promise<SimulatorSubscriber | undefined> => {
    await seeded;
    const sealed = await store.get<Sealed>(lineKey(line));
    return sealed ? open<SimulatorSubscriber>(sealSecret, SEAL_INFO, sealed) : seeds.get(line);
  };

  /**
   * A bounded list per line in the store: an atomic sequence number per append (so appends
   * from several instances never overwrite each other), one entry per number, the newest
   * `max` read back. Entries and the sequence die `ttlMs` after the last append.
   */
  const lineList = <T>(name: string, max: number, ttlMs: number) => ({
    async append(line: string, value: T) {
      const { count } = await store.chargeAttempt(`phone-sim:${name}:${line}:seq`, NO_CEILING, ttlMs);
      await store.set(`phone-sim:${name}:${line}:${count}`, value, ttlMs);
    },
    async newest(line: string): Promise<T[]> {
      const last = (await store.get<number>(`phone-sim:${name}:${line}:seq`)) ?? 0;
      const numbers = Array.from({ length: Math.min(max, last) }, (_, i) => last - Math.min(max, last) + 1 + i);
      const values = await Promise.all(numbers.map((n) => store.get<T>(`phone-sim:${name}:${line}:${n}`)));
      return values.filter((value): value is Awaited<T> => value !== undefined);
    },
  });
  /** Each phone's SMS messages, sealed. */
  const inboxes = lineList<Sealed>('inbox', INBOX_MAX, INBOX_AGE_MS);
  /** Transactions whose push or QR screen waits on a phone. */
  const requests = lineList<string>('wait', REQUESTS_MAX, REQUEST_LIFE_MS);

  /** Puts the code on the phone, when the line exists: the only step an unknown phone skips. */
  const deliver = async (line: string, code: string) => {
    if (!(await subscriberOf(line))) return;
    await inboxes.append(line, await seal(sealSecret, SEAL_INFO, { text: smsText(code), at: clock() }));
  };

  /** The subscriber the carrier vouches for, or null when the typed person is not theirs. */
  const identify = async (record: CarrierRecord): Promise<VerifiedIdentity | null> => {
    const subscriber = await subscriberOf(record.line);
    if (!subscriber) return null;
    const expected = await claimOf(subscriber.name, record.method === 'sms' ? subscriber.birth : undefined);
    if (!timingSafeEqual(expected, record.claim)) return null;
    const birth = parseBirth(subscriber.birth);
    if (!birth) return null;
    return { name: subscriber.name, birthDate: birth.date, phone: subscriber.phone };
  };

  /** Transactions still waiting on the phone for `method`, oldest first, with their records. */
  const waiting = async (phone: string, method: PhoneMethod) => {
    const canonical = normalizeKoreanMobile(phone);
    if (!canonical) return [];
    const txs = await requests.newest(await lineOf(canonical));
    const out: Array<{ tx: string; record: CarrierRecord }> = [];
    for (const tx of new Set(txs)) {
      const record = await load(tx);
      if (live(record, method)) out.push({ tx, record });
    }
    return out.sort((a, b) => a.record.requestedAt - b.record.requestedAt);
  };

  const settle = async (tx: string, state: CarrierState) => {
    const record = await load(tx);
    if (!live(record, 'app')) return false;
    await save(tx, { ...record, state });
    return true;
  };

  const provider: SimulatorPhoneProvider = {
    methods: ['app', 'qr', 'sms'],

    async start(input: PhoneStartInput): Promise<PhoneStarted> {
      await seeded;
      const now = clock();
      const line = await lineOf(input.phone);
      const record: CarrierRecord = {
        method: input.method,
        carrier: input.carrier,
        line,
        claim: await claimOf(input.name, input.method === 'sms' ? input.birth : undefined),
        state: 'pending',
        requestedAt: now,
        expiresAt: now + (input.method === 'sms' ? CODE_LIFE_MS : REQUEST_LIFE_MS),
      };
      // A code and a number are drawn for every request, known phone or not: the same work.
      const secret = randomNumericCode(LIMITS.codeLength);
      if (input.method === 'sms') record.code = await codeHash(input.tx, secret);
      if (input.method === 'qr') record.number = await numberHash(input.tx, secret);
      await save(input.tx, record);
      if (input.method === 'sms') await deliver(line, secret);
      else if (await subscriberOf(line)) await requests.append(line, input.tx);
      return input.method === 'qr' ? { qr: { payload: `id-verify:pass-qr:${secret}`, number: secret } } : {};
    },

    async confirm(tx, code): Promise<PhoneConfirmation> {
      const record = await load(tx);
      if (!live(record, 'sms') || record.code === undefined) return { valid: false };
      if (!timingSafeEqual(await codeHash(tx, code), record.code)) return { valid: false };
      const { code: _used, ...rest } = record;
      await save(tx, { ...rest, state: 'verified' });
      return { valid: true, identity: await identify(record), providerRef: tx };
    },

    async resend(tx) {
      const record = await load(tx);
      if (!live(record, 'sms')) throw new Error('No pending SMS request for this transaction');
      const code = randomNumericCode(LIMITS.codeLength);
      const now = clock();
      // The new code replaces the old one's hash: from here on only the latest code matches.
      await save(tx, { ...record, code: await codeHash(tx, code), requestedAt: now, expiresAt: now + CODE_LIFE_MS });
      await deliver(record.line, code);
    },

    async status(tx): Promise<PhoneProviderStatus> {
      const record = await load(tx);
      if (!record || record.state === 'rejected') return { status: 'rejected' };
      if (record.state === 'pending') return { status: 'pending' };
      return { status: 'approved', identity: await identify(record), providerRef: tx };
    },

    async register(subscriber) {
      const canonical = canonicalOf(subscriber);
      const sealed = await seal(sealSecret, SEAL_INFO, canonical);
      await store.set(lineKey(await lineOf(canonical.phone)), sealed, SIMULATOR_LINE_TTL_MS);
    },

    async inbox(phone) {
      const canonical = normalizeKoreanMobile(phone);
      if (!canonical) return [];
      const line = await lineOf(canonical);
      if (!(await subscriberOf(line))) return [];
      const since = clock() - INBOX_AGE_MS;
      const messages = await Promise.all(
        (await inboxes.newest(line)).map((sealed) => open<DevInboxResponse['messages'][number]>(sealSecret, SEAL_INFO, sealed)),
      );
      return messages.filter((message) => message.at > since);
    },

    async pending(phone) {
      const now = clock();
      return (await waiting(phone, 'app')).map(({ tx, record }) => ({
        tx,
        carrier: record.carrier,
        requestedAt: record.requestedAt,
        expiresIn: Math.max(0, Math.ceil((record.expiresAt - now) / 1000)),
      }));
    },

    approve: (tx) => settle(tx, 'approved'),
    deny: (tx) => settle(tx, 'rejected'),

    async approveQr(phone, number) {
      for (const { tx, record } of await waiting(phone, 'qr')) {
        if (record.number !== undefined && timingSafeEqual(await numberHash(tx, number), record.number)) {
          await save(tx, { ...record, state: 'approved' });
          return true;
        }
      }
      return false;
    },
  };

  return provider;
}
