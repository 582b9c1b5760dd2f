/**
 * Counts whole seconds down to a deadline and re-renders its host each second. The deadline
 * is an absolute time, so a throttled background tab shows the right figure when it returns.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A per-second countdown owned by an element. */
export class CountdownController implements ReactiveController {
  private deadline = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly now: () => number = Date.now,
  ) {
    host.addController(this);
  }

  /** Whole seconds left, 0 when finished or never started. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.deadline - this.now()) / 1000));
  }

  /** True while seconds remain. */
  get running(): boolean {
    return this.remaining > 0;
  }

  /** Starts (or restarts) the countdown at `seconds` from now. */
  start(seconds: number) {
    this.deadline = this.now() + seconds * 1000;
    this.clear();
    this.timer = setInterval(() => {
      if (!this.running) this.clear();
      this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  /** Stops counting and reports 0. */
  stop() {
    this.deadline = 0;
    this.clear();
    this.host.requestUpdate();
  }

  /** @internal Lit lifecycle: no timer outlives the element. */
  hostDisconnected() {
    this.clear();
  }

  private clear() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
