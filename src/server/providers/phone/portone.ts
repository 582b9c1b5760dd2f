/**
 * The phone check through PortOne V2's identity-verification API in its server mode, with the
 * official `@portone/server-sdk`: `send` (operator, SMS | APP, the customer's name, phone, the
 * 7-digit identity number and IP), `confirm` (with the OTP for SMS; without, once the PASS app
 * approved), `resend`, and `get`. PortOne has no QR and no captcha in this mode: QR is not
 * offered, and the app's own captcha still guards every send.
 *
 * How PortOne's answers become ours:
 *
 * | PortOne | here |
 * |---|---|
 * | `VERIFIED` (`verifiedCustomer`) | a verified person (name, birth date, phone), matched by the app |
 * | `PG_PROVIDER` on confirm, verification still `READY` | a wrong code (`INVALID_CODE`) / not approved yet (`pending`) |
 * | `PG_PROVIDER` on confirm, verification `FAILED` | the code is dead (`EXPIRED`) / the app denied (`rejected`) |
 * | `IDENTITY_VERIFICATION_NOT_FOUND`, `…_NOT_SENT`, `…_ALREADY_VERIFIED` on confirm | a code that cannot work (`INVALID_CODE`) |
 * | `MAX_TRANSACTION_COUNT_REACHED` | {@link ProviderRateLimitedError} → 429 `RATE_LIMITED` |
 * | `UNAUTHORIZED`, `FORBIDDEN`, `CHANNEL_NOT_FOUND`, `INVALID_REQUEST` | our setup is wrong: 503, and a warning for the operator |
 * | anything else, a 5xx, an answer that is not what the API documents, a network error | 503 `UPSTREAM_UNAVAILABLE` |
 *
 * The secret only ever goes into the `Authorization: PortOne <secret>` header the SDK writes:
 * it is held in the SDK client's closure, never logged, never in an error message.
 *
 * The SDK takes no timeout or abort signal. The app stops waiting at its own deadline (503),
 * but a call PortOne never answers keeps its socket until Node's fetch gives up, minutes later.
 * So the calls still waiting are bounded ({@link DEFAULT_PORTONE_CALLS_IN_FLIGHT}): while
 * PortOne hangs, a new check is refused at once (503) instead of piling up sockets.
 */
import {
  IdentityVerificationClient,
  IdentityVerificationError,
  type IdentityVerification,
  type IdentityVerificationOperator,
} from '@portone/server-sdk/identityVerification';
import type { Carrier, PhoneMethod } from '../../../protocol/index.js';
import type { WarningSink } from '../../http/client-ip.js';
import { ProviderRateLimitedError } from '../unavailable.js';
import {
  ProviderUnavailableError,
  type PhoneConfirmation,
  type PhoneProvider,
  type PhoneProviderStatus,
  type PhoneStartInput,
  type PhoneVerified,
} from './provider.js';

/** PortOne's production API. */
export const PORTONE_API_URL = 'https://api.portone.io';

/** Default bound on calls to PortOne waiting for an answer at once, per process. */
export const DEFAULT_PORTONE_CALLS_IN_FLIGHT = 64;

/** Options of {@link createPortOnePhoneProvider}. */
export interface PortOnePhoneProviderOptions {
  /** The V2 API secret (sent as `Authorization: PortOne <secret>`; never logged). */
  secret: string;
  /** The store id (`store-…`). */
  storeId: string;
  /** The identity-verification channel's key (`channel-key-…`). */
  channelKey: string;
  /** API origin (default {@link PORTONE_API_URL}); a local fake in tests. */
  baseUrl?: string;
  /** Where setup problems are reported (default `console`). */
  logger?: WarningSink;
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
  /**
   * Most calls waiting for PortOne at once (default {@link DEFAULT_PORTONE_CALLS_IN_FLIGHT});
   * past it a call fails at once as unavailable (503).
   */
  maxCallsInFlight?: number;
}

/** Our carrier codes are PortOne's operators, one for one. */
const OPERATOR: Readonly<Record<Carrier, IdentityVerificationOperator>> = {
  SKT: 'SKT',
  KT: 'KT',
  LGU: 'LGU',
  SKT_MVNO: 'SKT_MVNO',
  KT_MVNO: 'KT_MVNO',
  LGU_MVNO: 'LGU_MVNO',
};

/** PortOne errors that mean this server is set up wrong, not that the learner did anything. */
const SETUP_ERRORS = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'CHANNEL_NOT_FOUND', 'INVALID_REQUEST']);
/** Confirm errors that mean "no live code here" rather than "PortOne is down". */
const NO_LIVE_CODE = new Set(['IDENTITY_VERIFICATION_NOT_FOUND', 'IDENTITY_VERIFICATION_NOT_SENT', 'IDENTITY_VERIFICATION_ALREADY_VERIFIED']);
/** Least time between two "did the PASS app approve?" confirms of one verification. */
const APP_CONFIRM_GAP_MS = 2_000;
/** Said to the client after PortOne's own rate limit. */
const RATE_LIMIT_RETRY_SECONDS = 60;
/** PortOne needs an address for its rate limits; this one stands for "unknown". */
const UNKNOWN_IP = '0.0.0.0';

/** The PortOne error type of `error`, or undefined for anything that is not a PortOne answer. */
const typeOf = (error: unknown): string | undefined =>
  error instanceof IdentityVerificationError && typeof error.data?.type === 'string' ? error.data.type : undefined;

/** Reads PortOne's verified record as the app's outcome; anything missing is a malformed answer. */
function verifiedOf(record: unknown): PhoneVerified {
  const v = record as Partial<Extract<IdentityVerification, { status: 'VERIFIED' }>> | undefined;
  const customer = v?.verifiedCustomer;
  if (
    v?.status !== 'VERIFIED' ||
    typeof v.id !== 'string' ||
    typeof customer?.name !== 'string' ||
    typeof customer.birthDate !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(customer.birthDate)
  ) {
    throw new ProviderUnavailableError('PortOne answered a verification without the verified customer');
  }
  return {
    identity: { name: customer.name, birthDate: customer.birthDate, phone: customer.phoneNumber ?? '' },
    providerRef: v.id,
  };
}

/** The status of a record PortOne answered, checked. */
function statusOf(record: unknown): 'READY' | 'VERIFIED' | 'FAILED' {
  const status = (record as { status?: unknown } | undefined)?.status;
  if (status === 'READY' || status === 'VERIFIED' || status === 'FAILED') return status;
  throw new ProviderUnavailableError('PortOne answered a verification in an unknown state');
}

/** Creates the provider. */
export function createPortOnePhoneProvider(options: PortOnePhoneProviderOptions): PhoneProvider {
  const client = IdentityVerificationClient({
    secret: options.secret,
    storeId: options.storeId,
    baseUrl: options.baseUrl ?? PORTONE_API_URL,
  });
  const { storeId, channelKey } = options;
  const maxInFlight = options.maxCallsInFlight ?? DEFAULT_PORTONE_CALLS_IN_FLIGHT;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new TypeError('maxCallsInFlight must be a positive whole number');
  const logger = options.logger ?? console;
  let inFlight = 0;

  /** Runs one SDK call, unless too many are still waiting for PortOne (then unavailable at once). */
  const bounded = async <T>(call: () => Promise<T>): Promise<T> => {
    if (inFlight >= maxInFlight) throw new ProviderUnavailableError('PortOne: too many calls still waiting for an answer', 2);
    inFlight++;
    try {
      return await call();
    } finally {
      inFlight--;
    }
  };
  const clock = options.clock ?? Date.now;
  /** Verification id → when the PASS app was last asked about it (pruned as it goes). */
  const lastAppConfirm = new Map<string, number>();

  /** Turns any failure of a call into the app's errors; `call` names it for the operator. */
  const unavailable = (call: string, error: unknown): never => {
    if (error instanceof ProviderUnavailableError) throw error;
    const type = typeOf(error);
    if (type === 'MAX_TRANSACTION_COUNT_REACHED') {
      throw new ProviderRateLimitedError('PortOne: too many verifications for this customer', RATE_LIMIT_RETRY_SECONDS);
    }
    if (type !== undefined && SETUP_ERRORS.has(type)) {
      // The operator must act; the message names the call and PortOne's type, never the secret or the learner.
      logger.warn(`PortOne ${call} refused (${type}): check IDV_PORTONE_SECRET, store id and channel key`);
    }
    throw new ProviderUnavailableError(`PortOne ${call} failed${type ? ` (${type})` : ''}`, 2, { cause: error });
  };

  const get = async (tx: string): Promise<IdentityVerification> => {
    try {
      return await bounded(() => client.getIdentityVerification({ identityVerificationId: tx, storeId }));
    } catch (error) {
      return unavailable('get', error);
    }
  };

  /** confirm, read: the verified person, or PortOne's error type when it refused. */
  const confirmCall = async (tx: string, otp?: string): Promise<PhoneVerified | { refused: string }> => {
    let answer: unknown;
    try {
      answer = await bounded(() => client.confirmIdentityVerification({ identityVerificationId: tx, storeId, ...(otp ? { otp } : {}) }));
    } catch (error) {
      const type = typeOf(error);
      if (type === 'PG_PROVIDER' || (type !== undefined && NO_LIVE_CODE.has(type))) return { refused: type };
      return unavailable('confirm', error);
    }
    return verifiedOf((answer as { identityVerification?: unknown } | undefined)?.identityVerification);
  };

  /** Forgets approval checks older than the gap, so the map holds only the last few seconds' verifications. */
  const prune = (now: number) => {
    for (const [tx, at] of lastAppConfirm) if (now - at >= APP_CONFIRM_GAP_MS) lastAppConfirm.delete(tx);
  };

  return {
    methods: ['app', 'sms'] satisfies PhoneMethod[],

    async start(input: PhoneStartInput) {
      if (input.method === 'qr') throw new TypeError('PortOne has no QR method');
      if (input.method === 'sms' && input.birth === undefined) throw new TypeError('An SMS check needs the 7-digit identity number');
      try {
        await bounded(() =>
          client.sendIdentityVerification({
            identityVerificationId: input.tx,
            storeId,
            channelKey,
            operator: OPERATOR[input.carrier],
            method: input.method === 'sms' ? 'SMS' : 'APP',
            customer: {
              name: input.name,
              phoneNumber: input.phone,
              ...(input.birth !== undefined ? { identityNumber: input.birth.replace('-', '') } : {}),
              ipAddress: input.ip ?? UNKNOWN_IP,
            },
          }),
        );
      } catch (error) {
        unavailable('send', error);
      }
      return {};
    },

    async confirm(tx, code): Promise<PhoneConfirmation> {
      const answer = await confirmCall(tx, code);
      if (!('refused' in answer)) return { valid: true, ...answer };
      if (answer.refused !== 'PG_PROVIDER') return { valid: false };
      // A refused code: wrong (the verification waits for another try), or the end of it.
      return statusOf(await get(tx)) === 'FAILED' ? { valid: false, expired: true } : { valid: false };
    },

    async resend(tx) {
      try {
        await bounded(() => client.resendIdentityVerification({ identityVerificationId: tx, storeId }));
      } catch (error) {
        unavailable('resend', error);
      }
    },

    async status(tx): Promise<PhoneProviderStatus> {
      const record = await get(tx);
      const status = statusOf(record);
      if (status === 'VERIFIED') return { status: 'approved', ...verifiedOf(record) };
      if (status === 'FAILED') return { status: 'rejected' };
      // READY: PortOne learns of the PASS app's approval only when asked to confirm. The event
      // stream polls often; ask at most once every two seconds per verification.
      const now = clock();
      prune(now);
      if (lastAppConfirm.has(tx)) return { status: 'pending' };
      lastAppConfirm.set(tx, now);
      const answer = await confirmCall(tx);
      if (!('refused' in answer)) return { status: 'approved', ...answer };
      return answer.refused === 'PG_PROVIDER' && statusOf(await get(tx)) === 'FAILED' ? { status: 'rejected' } : { status: 'pending' };
    },
  };
}
