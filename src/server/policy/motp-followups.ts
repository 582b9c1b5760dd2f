/**
 * What the mOTP provider hears after a successful phone check, when its upstream keeps state of
 * its own (HRD Korea): an unlock check lifts the upstream's lock (`user_reset`), and a check
 * that stood in for mOTP (대체인증) is reported (the substitute log).
 *
 * The learner's phone check has already succeeded when these run, so a failure upstream never
 * takes it back and never reaches the learner as an error. Instead:
 *
 * - every call writes an audit record (stage `report`, `success` or `UPSTREAM_UNAVAILABLE`,
 *   the check's transaction id), so the trail shows what the upstream has heard;
 * - an unlock the upstream did not confirm is kept and resent before the learner's next mOTP
 *   attempt (an attempt the upstream would refuse while its lock holds); until it goes
 *   through, that attempt is answered 503 with nothing charged, and the gate offers the phone
 *   check meanwhile;
 * - a substitute report the upstream did not confirm is kept (a few per learner, for a week)
 *   and resent with the learner's next report.
 *
 * What is kept holds no name or phone (they come from the session when resent).
 */
import type { CourseContext, PhoneMethod, Purpose } from '../../protocol/index.js';
import type { AuditSink } from '../audit.js';
import { ProviderUnavailableError, type MotpProvider, type PhoneCheckReport } from '../providers/motp/provider.js';
import type { Session } from '../sessions.js';
import type { Store } from '../stores/store.js';
import { PROVIDER_TIMEOUT_MS, withDeadline } from './deadline.js';

/** A substitute report not yet confirmed upstream is kept this long. */
const PENDING_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many unconfirmed substitute reports are kept per learner (the oldest go first). */
export const MAX_PENDING_REPORTS = 10;

/** A successful phone check, as the finisher hands it over. */
export interface FinishedPhoneCheck {
  /** The check's transaction id (the phone provider's reference when it has one). */
  tx: string;
  /** The phone provider's result code. */
  resultCode: string;
  /** When the check succeeded, epoch ms. */
  at: number;
  /** `motp-unlock`, or the purpose it verified. */
  purpose: Purpose;
  /** PASS app, QR or SMS (for the audit record). */
  method: PhoneMethod;
}

/** A report kept for resending: the check, and the course it was for. No name, no phone. */
interface PendingReport extends FinishedPhoneCheck {
  course?: CourseContext;
}

/** Dependencies of {@link createMotpFollowUps}. */
export interface MotpFollowUpDeps {
  /** The mOTP provider, with at least one of its phone-check hooks. */
  provider: MotpProvider;
  /** Where unconfirmed calls are kept. */
  store: Store;
  /** Where each call's outcome is recorded. */
  audit: AuditSink;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Deadline of each upstream call (default the provider deadline). */
  providerTimeoutMs?: number;
}

/** The provider's follow-ups to phone checks. */
export interface MotpFollowUps {
  /** True when the provider counts every phone check that is not an unlock as 대체인증. */
  readonly reportsSubstitutes: boolean;
  /** Tells the provider about a successful phone check (unlock or substitute). Never rejects. */
  afterPhoneCheck(session: Session, check: FinishedPhoneCheck): Promise<void>;
  /**
   * Resends an unlock the upstream has not confirmed yet, if there is one; rejects while it
   * still fails (the mOTP attempt then ends as `UPSTREAM_UNAVAILABLE`).
   */
  resendPendingUnlock(session: Session, signal?: AbortSignal): Promise<void>;
}

/** Creates the follow-ups, or `undefined` when the provider has no phone-check hooks. */
export function createMotpFollowUps(deps: MotpFollowUpDeps): MotpFollowUps | undefined {
  const { provider, store, audit, clock } = deps;
  const unlockHook = provider.afterPhoneUnlock?.bind(provider);
  const substituteHook = provider.reportSubstitute?.bind(provider);
  if (!unlockHook && !substituteHook) return undefined;
  const timeout = deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS;
  const unlockKey = (subject: string) => `motp:pending-unlock:${subject}`;
  const reportsKey = (subject: string) => `motp:pending-reports:${subject}`;

  /** Runs one hook within the deadline; records the outcome; true when the upstream confirmed. */
  const send = async (
    hook: (report: PhoneCheckReport) => Promise<void>,
    session: Session,
    check: PendingReport,
    outer?: AbortSignal,
  ): Promise<boolean> => {
    const stop = new AbortController();
    const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
    const learner = await session.personal();
    const report: PhoneCheckReport = {
      subject: session.subject,
      name: learner.name,
      phone: learner.phone,
      tx: check.tx,
      resultCode: check.resultCode,
      at: check.at,
      purpose: check.purpose,
      signal,
      ...(check.course ? { course: check.course } : {}),
    };
    let confirmed = true;
    try {
      await withDeadline(hook(report), timeout);
    } catch {
      stop.abort();
      confirmed = false;
    }
    await audit.write({
      at: clock(),
      subject: session.subject,
      purpose: check.purpose,
      method: check.method,
      result: confirmed ? 'success' : 'UPSTREAM_UNAVAILABLE',
      stage: 'report',
      providerRef: check.tx,
      ...(check.purpose === 'motp-unlock' ? {} : { substitute: true }),
    });
    return confirmed;
  };

  /**
   * Sends `fresh`, then — once the upstream has just confirmed one, so it is up — the learner's
   * kept reports, stopping at the first that fails; keeps whatever is still unconfirmed. A down
   * upstream thus costs one deadline, never one per kept report.
   */
  const sendReports = async (session: Session, fresh: PendingReport) => {
    if (!substituteHook) return;
    const kept = (await store.get<PendingReport[]>(reportsKey(session.subject))) ?? [];
    let unsent = [...kept, fresh];
    if (await send(substituteHook, session, fresh)) {
      unsent = [];
      for (const [index, report] of kept.entries()) {
        if (!(await send(substituteHook, session, report))) {
          unsent = kept.slice(index);
          break;
        }
      }
    }
    if (unsent.length > 0) await store.set(reportsKey(session.subject), unsent.slice(-MAX_PENDING_REPORTS), PENDING_TTL_MS);
    else if (kept.length > 0) await store.delete(reportsKey(session.subject));
  };

  return {
    reportsSubstitutes: substituteHook !== undefined,
    async afterPhoneCheck(session, check) {
      const withCourse: PendingReport = { ...check, ...(session.course ? { course: session.course } : {}) };
      if (check.purpose !== 'motp-unlock') return sendReports(session, withCourse);
      if (!unlockHook) return;
      if (await send(unlockHook, session, check)) await store.delete(unlockKey(session.subject));
      else await store.set(unlockKey(session.subject), check, PENDING_TTL_MS);
    },
    async resendPendingUnlock(session, signal) {
      if (!unlockHook) return;
      const pending = await store.get<FinishedPhoneCheck>(unlockKey(session.subject));
      if (!pending) return;
      if (!(await send(unlockHook, session, pending, signal))) {
        throw new ProviderUnavailableError('The upstream has not confirmed the unlock yet');
      }
      await store.delete(unlockKey(session.subject));
    },
  };
}
