/** What the gate remembers across the steps of one phone check. */
import type { Carrier, PhoneMethod, PhoneStartResponse } from '../protocol/index.js';

/** State of the phone path, filled in step by step. */
export interface PhoneFlow {
  /** Run to clear an mOTP lock (purpose `motp-unlock`) rather than to verify. */
  unlock: boolean;
  /** The screen the phone path started from, where "이전" on its first screen returns. */
  from: 'consent' | 'motp';
  /** Name typed on the mobile intro screen (사진 2), carried into the identity step. */
  name: string;
  /** Phone typed on the mobile intro screen, or the registered one as shown there (masked). */
  number: string;
  /** Chosen carrier. */
  carrier: Carrier;
  /** Chosen method. */
  method: PhoneMethod;
  /** The server's answer to `phone/start`. */
  started: PhoneStartResponse;
}
