/**
 * Polls a task every second while its element is connected and the page is visible: never two
 * polls at once, paused when the tab is hidden and resumed at once when it is shown again, and
 * slowed down (up to 10 s apart) while the server keeps failing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from './dev-api.ts';

const MAX_DELAY_MS = 10_000;

/** What a {@link PollController} runs. */
export interface PollOptions {
  /** One poll; throws to report a failure. Must stop when `signal` aborts. */
  task: (signal: AbortSignal) => Promise<void>;
  /** Hears every failure except the controller's own aborts. */
  onError: (error: unknown) => void;
  /** Milliseconds between the end of one poll and the start of the next. */
  interval?: number;
}

export class PollController implements ReactiveController {
  private readonly options: PollOptions;
  private timer?: ReturnType<typeof setTimeout>;
  private inFlight?: AbortController;
  private failures = 0;

  constructor(host: ReactiveControllerHost, options: PollOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this.handleVisibility);
    this.restart();
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.handleVisibility);
    this.stop();
  }

  /** Drops any poll in flight and polls now (if the page is visible), e.g. after an action. */
  restart() {
    this.stop();
    this.failures = 0;
    if (document.visibilityState === 'visible') void this.run();
  }

  /** Stops polling until {@link restart}. */
  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private handleVisibility = () => {
    if (document.visibilityState === 'visible') this.restart();
    else this.stop();
  };

  private async run() {
    const abort = new AbortController();
    this.inFlight = abort;
    try {
      await this.options.task(abort.signal);
      this.failures = 0;
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.failures++;
      this.options.onError(error);
    }
    // A restart or stop while this poll ran owns the schedule now.
    if (this.inFlight !== abort) return;
    this.inFlight = undefined;
    const interval = this.options.interval ?? 1000;
    this.timer = setTimeout(() => void this.run(), Math.min(interval * 2 ** this.failures, MAX_DELAY_MS));
  }
}
