/**
 * Follows a phone check live: the server-sent event stream first, polling when the stream is
 * unavailable (a proxy that buffers, an old server). Stops at a terminal status, at expiry,
 * or when the host leaves the page.
 */
import { phoneEvents, phoneStatus } from '../client/phone-calls.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VerifyClient } from '../client/index.js';
import type { PhoneStatus, PhoneStatusResponse } from '../protocol/index.js';

const POLL_MS = 2000;
const terminal = (status: PhoneStatus) => status !== 'pending';

/** Live status of one phone transaction, for one element. */
export class PhoneStatusController implements ReactiveController {
  /** Last status seen (`pending` until the server says otherwise). */
  status: PhoneStatus = 'pending';
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onStatus: (status: PhoneStatusResponse) => void,
  ) {
    host.addController(this);
  }

  /** Starts following `tx` for at most `expiresIn` seconds (plus a grace period). */
  watch(client: VerifyClient, tx: string, expiresIn: number) {
    this.stop();
    this.status = 'pending';
    const abort = (this.abort = new AbortController());
    const until = Date.now() + (expiresIn + 5) * 1000;
    void this.follow(client, tx, abort.signal, until);
  }

  /** Stops following. */
  stop() {
    this.abort?.abort();
    this.abort = undefined;
  }

  /** @internal Lit lifecycle: nothing keeps running once the element is gone. */
  hostDisconnected() {
    this.stop();
  }

  private report(update: PhoneStatusResponse) {
    this.status = update.status;
    this.onStatus(update);
    this.host.requestUpdate();
  }

  private async follow(client: VerifyClient, tx: string, signal: AbortSignal, until: number) {
    try {
      for await (const update of phoneEvents(client, tx, signal)) {
        this.report(update);
        if (terminal(update.status)) return;
      }
    } catch {
      // Stream unavailable or broken: fall back to polling below.
    }
    while (!signal.aborted && !terminal(this.status) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (signal.aborted) return;
      try {
        this.report(await phoneStatus(client, tx, { signal }));
      } catch {
        // A missed poll is retried on the next tick; the deadline bounds the loop.
      }
    }
  }
}
