/**
 * One request at a time for an element: while one is out, another press does nothing (a double
 * click sends one request), and whatever the request throws reaches the element as a typed
 * {@link VerifyError}.
 */
import type { ReactiveControllerHost } from 'lit';
import { VerifyError } from '../client/errors.js';

/** Runs an element's requests one at a time. */
export class OneRequest {
  /** True while a request is out. */
  busy = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Runs `request` unless one is out; a failure goes to `onError`. The host re-renders before and after. */
  async run(request: () => Promise<void>, onError: (error: VerifyError) => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      await request();
    } catch (error) {
      onError(VerifyError.from(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
