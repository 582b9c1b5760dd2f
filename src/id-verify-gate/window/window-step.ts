/**
 * The phone check in the identity provider's own window (method `window`, NICE's standard
 * window), with what users of such popups run into handled:
 *
 * - the window opens from the learner's click, at the size the provider asks for; the page it
 *   opens is our server's, which posts the provider's form (no form markup here);
 * - popup blocked → a clear message, "다시 열기" (a fresh click), and "이 창에서 계속": the same
 *   window goes to the provider and comes back to this page, which picks the result up;
 * - the learner closes the window → noticed within 2 s, with a way to open it again: never an
 *   endless spinner;
 * - the result page posts a one-time reference from our server's exact origin: messages from
 *   any other origin (or window) are ignored, and the token still comes only from the API.
 */
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { VerifyError } from '../../client/index.js';
import { windowComplete, windowLaunchUrl, windowStart } from '../../client/window-calls.js';
import { PHONE_WINDOW_MESSAGE, type PhoneWindowMessage, type PhoneWindowStartResponse } from '../../protocol/index.js';
import { errorText } from '../error-text.js';
import { StepBase } from '../step-base.js';

/** How often the gate looks whether the learner closed the window (well inside the 2 s promise). */
const CLOSED_POLL_MS = 500;
/** A result posted just before the window closed is still on its way: wait this long for it. */
const CLOSED_GRACE_MS = 400;
/** Where the page's address carries the result after the same-window fallback. */
const RESUME_PREFIX = '#idv-window=';

type Phase = 'starting' | 'ready' | 'open' | 'blocked' | 'closed' | 'ended' | 'done';

/** @summary The provider-window step of `<id-verify-gate>` (NICE 본인확인). */
export class PhoneWindowStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    css`
      .actions {
        flex-wrap: wrap;
      }
    `,
  ];

  @state() private phase: Phase = 'starting';
  @state() private message = '';
  private started?: PhoneWindowStartResponse;
  /** When the server forgets the check (epoch ms, this page's clock); unknown after the same-window return. */
  private expiresAt?: number;
  private popup?: Window;
  private poll?: ReturnType<typeof setInterval>;
  private busy = false;

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('message', this.handleMessage);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('message', this.handleMessage);
    this.stopWatching();
    // The learner left this screen (이전, 취소): the window they opened from it goes too.
    if (this.phase === 'open') this.popup?.close();
  }

  override firstUpdated() {
    // Not in connectedCallback: the first time this screen shows, its chunk is still loading and
    // the element upgrades in place; the `flow` the gate set before then (an unlock's purpose)
    // is only restored for the first update.
    const resumed = location.hash.startsWith(RESUME_PREFIX) ? location.hash.slice(RESUME_PREFIX.length).split('.') : undefined;
    if (resumed) {
      // Back from the same-window fallback: take the reference out of the address, then finish.
      history.replaceState(history.state, '', location.pathname + location.search);
      const [tx = '', answer = ''] = resumed;
      this.started = { tx, expiresIn: 0, window: { width: 0, height: 0 } };
      void this.finish(answer);
    } else void this.start();
    // The step arrives after its own chunk loaded, once the gate has moved focus: take it.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** A fresh check on the server (a new request number), before the learner clicks. */
  private async start() {
    if (!this.client) return;
    this.phase = 'starting';
    try {
      this.started = await windowStart(this.client, {
        consent: true,
        ...(this.flow.unlock ? { purpose: 'motp-unlock' as const } : {}),
        returnTo: location.href,
      });
      this.expiresAt = Date.now() + this.started.expiresIn * 1000;
      this.phase = 'ready';
    } catch (error) {
      this.end(errorText(this.t, VerifyError.from(error)));
    }
  }

  /** Opens the window, from the learner's click (browsers block popups opened otherwise). */
  private open() {
    const started = this.started;
    if (!this.client || !started) return;
    if (this.expired()) return this.end(this.p.requestExpired);
    // After the same-window fallback the size is not known any more: NICE's own.
    const { width = 500, height = 800 } = started.window.width ? started.window : {};
    const left = Math.max(0, Math.round(screenX + (outerWidth - width) / 2));
    const top = Math.max(0, Math.round(screenY + (outerHeight - height) / 2));
    const popup = window.open(
      windowLaunchUrl(this.client, started.tx),
      'idv-window',
      `popup=yes,width=${width},height=${height},left=${left},top=${top},scrollbars=yes,resizable=yes`,
    );
    if (!popup) {
      this.phase = 'blocked';
      this.message = this.p.windowBlocked;
      return;
    }
    this.popup = popup;
    this.phase = 'open';
    this.message = this.p.windowWaiting;
    this.watch();
  }

  /** The fallback: this window goes to the provider and comes back here with the result. */
  private here() {
    if (this.expired()) return this.end(this.p.requestExpired);
    if (this.client && this.started) location.assign(windowLaunchUrl(this.client, this.started.tx, true));
  }

  /** Notices within 2 s that the learner closed the window without a result. */
  private watch() {
    this.stopWatching();
    this.poll = setInterval(() => {
      if (!this.popup?.closed) return;
      this.stopWatching();
      setTimeout(() => {
        if (this.phase !== 'open') return;
        // Past its 10 minutes the check cannot be opened again: only a fresh one helps.
        if (this.expired()) return this.end(this.p.requestExpired);
        this.phase = 'closed';
        this.message = this.p.windowClosed;
      }, CLOSED_GRACE_MS);
    }, CLOSED_POLL_MS);
  }

  /** True once the server has forgotten the check: opening it again would show a dead page. */
  private expired(): boolean {
    return this.expiresAt !== undefined && Date.now() >= this.expiresAt;
  }

  private stopWatching() {
    clearInterval(this.poll);
    this.poll = undefined;
  }

  /** Only our server's result page, in the window we opened, for this check, is heard. */
  private readonly handleMessage = (event: MessageEvent) => {
    const data = event.data as Partial<PhoneWindowMessage> | null;
    if (!this.client || !this.started || event.origin !== new URL(this.client.endpoint, location.href).origin) return;
    if (this.popup && event.source !== this.popup) return;
    if (data?.type !== PHONE_WINDOW_MESSAGE || data.tx !== this.started.tx) return;
    void this.finish('ref' in data && typeof data.ref === 'string' ? data.ref : 'unavailable');
  };

  /** The result page's answer: a reference to complete with, or `unavailable`. */
  private async finish(answer: string) {
    const tx = this.started?.tx;
    if (this.busy || !this.client || !tx) return;
    this.stopWatching();
    if (answer === 'unavailable') return this.end(this.p.windowUnavailable, 'closed');
    this.busy = true;
    this.phase = 'open';
    try {
      const result = await windowComplete(this.client, tx, answer);
      if (result.status === 'approved') {
        this.phase = 'done';
        this.message = this.p.approved;
        this.emit({ kind: 'verified', result });
      } else this.end(result.status === 'expired' ? this.p.requestExpired : this.p.windowCancelled);
    } catch (error) {
      const typed = VerifyError.from(error);
      this.end(typed.code === 'MISMATCH' ? this.p.mismatch : errorText(this.t, typed));
    } finally {
      this.busy = false;
    }
  }

  /** Stops with `message`; `closed` keeps the check (open it again), `ended` needs a new one. */
  private end(message: string, phase: 'closed' | 'ended' = 'ended') {
    this.stopWatching();
    this.phase = phase;
    this.message = message;
  }

  /** Again after an ended check: a new request number, then the learner opens it. */
  private async retry() {
    await this.start();
  }

  override render() {
    const p = this.p;
    const phase = this.phase;
    const failed = phase === 'blocked' || phase === 'closed' || phase === 'ended';
    return html`
      <h2 tabindex="-1">${p.windowHeading}</h2>
      <p>${p.windowHint}</p>
      <p class="message ok" role="status">${failed ? '' : this.message}</p>
      <p class="message error" role="alert">${failed ? this.message : ''}</p>
      <div class="actions">
        ${phase === 'ended'
          ? html`<button class="primary" @click=${() => this.retry()}>${p.restart}</button>`
          : phase === 'done'
            ? nothing
            : html`<button class="primary" ?disabled=${phase === 'starting'} @click=${() => this.open()}>
                ${phase === 'ready' || phase === 'starting' ? p.windowOpen : p.windowReopen}
              </button>`}
        ${phase === 'blocked' ? html`<button @click=${() => this.here()}>${p.windowHere}</button>` : nothing}
        ${this.navigation()}
      </div>
    `;
  }
}
