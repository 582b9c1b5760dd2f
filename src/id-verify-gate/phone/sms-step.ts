/**
 * "보내드린 인증번호 6자리를 입력해 주세요": the SMS code in `<motp-input>`, the countdown
 * (남은시간, from the server's `expiresIn`, re-synced when the tab becomes visible), a spoken
 * warning before expiry, "시간연장", resend with its cooldown, and attempts left.
 */
import { phoneExtend, phoneResend, phoneStatus, phoneVerify } from '../../client/phone-calls.js';
import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { VerifyError } from '../../client/index.js';
import { CountdownController } from '../../internal/countdown-controller.js';
import { OneRequest } from '../../internal/one-request.js';
import type { MotpInput } from '../../motp-input/motp-input.js';
import { isCode } from '../../protocol/index.js';
import { errorText } from '../error-text.js';
import { StepBase } from '../step-base.js';
import { stageIndicator, stageStyles } from './stage-indicator.js';

/** Seconds before expiry at which the learner hears a warning (docs/security.md rule 30: ≥ 20 s). */
const WARN_AT = 30;

/** @summary The SMS code step of `<id-verify-gate>`. */
export class PhoneSmsStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    stageStyles,
    css`
      .timer {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .timer.low {
        color: var(--_danger);
      }
    `,
  ];

  private readonly expiry = new CountdownController(this);
  private readonly cooldown = new CountdownController(this);
  private readonly request = new OneRequest(this);
  @query('motp-input') private code!: MotpInput;
  @state() private error = '';
  @state() private notice = '';
  @state() private dead = false;
  private warned = false;

  private readonly handleVisibility = () => {
    if (document.visibilityState === 'visible') void this.resync();
  };

  override connectedCallback() {
    super.connectedCallback();
    const started = this.flow.started;
    if (started) this.setTimers(started.expiresIn, started.resendIn);
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility);
  }

  override willUpdate() {
    const left = this.expiry.remaining;
    if (!this.warned && left > 0 && left <= WARN_AT) {
      this.warned = true;
      this.notice = this.p.expiryWarning(left);
    }
    if (left === 0 && !this.dead && this.flow.started) this.expire();
  }

  private setTimers(expiresIn: number, resendIn?: number) {
    this.expiry.start(expiresIn);
    this.warned = expiresIn <= WARN_AT;
    if (resendIn !== undefined) this.cooldown.start(resendIn);
  }

  private expire() {
    this.dead = true;
    this.error = this.p.codeExpired;
  }

  /** After the tab was hidden, the server's clock decides what is left (docs/security.md rule 14). */
  private async resync() {
    const tx = this.flow.started?.tx;
    if (!this.client || !tx || this.dead) return;
    try {
      const { status, expiresIn } = await phoneStatus(this.client, tx);
      if (status === 'expired' || expiresIn <= 0) {
        this.expiry.stop();
        this.expire();
      } else this.expiry.start(expiresIn);
    } catch {
      // The local countdown stays; the server still refuses a late code.
    }
  }

  private run(action: () => Promise<void>) {
    if (!this.client) return;
    return this.request.run(async () => {
      this.error = '';
      await action();
    }, (error) => this.handleError(error));
  }

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const tx = this.flow.started?.tx;
    const value = this.code.value;
    if (!isCode(value)) {
      this.error = this.t.codeIncomplete;
      return this.code.focus();
    }
    void this.run(async () => this.emit({ kind: 'verified', result: await phoneVerify(this.client!, tx!, value) }));
  }

  private extend() {
    void this.run(async () => {
      const { expiresIn } = await phoneExtend(this.client!, this.flow.started!.tx);
      this.setTimers(expiresIn);
      this.notice = this.p.extended;
    });
  }

  private resend() {
    void this.run(async () => {
      const { expiresIn, resendIn } = await phoneResend(this.client!, this.flow.started!.tx);
      this.setTimers(expiresIn, resendIn);
      this.dead = false;
      this.code.value = '';
      this.notice = this.p.resent;
      this.code.focus();
    });
  }

  private handleError(error: VerifyError) {
    const t = this.t;
    if (error.code === 'INVALID_CODE' && error.attemptsLeft !== 0) {
      this.code.value = '';
      this.error = t.wrongCode(error.attemptsLeft ?? 0);
      return this.code.focus();
    }
    if (error.code === 'MISMATCH') this.error = this.p.mismatch;
    else if (error.code === 'INVALID_CODE' || error.code === 'EXPIRED' || error.code === 'ALREADY_USED') {
      // The code cannot be used any more: ran out of time (a resend helps), died after five
      // wrong entries (only a new request helps), or was already used.
      this.dead = true;
      this.code.value = '';
      this.error =
        error.code === 'ALREADY_USED' ? t.alreadyUsed : this.expiry.remaining === 0 ? this.p.codeExpired : this.p.codeDead;
    } else {
      if (error.code === 'RATE_LIMITED' && error.retryAfter) this.cooldown.start(error.retryAfter);
      this.error = errorText(t, error);
    }
    if (error.code === 'UNAUTHORIZED') this.emit({ kind: 'failed', code: error.code, message: this.error });
  }

  override render() {
    const p = this.p;
    const left = this.expiry.remaining;
    const m = Math.floor(left / 60);
    const s = left % 60;
    const wait = this.cooldown.remaining;
    return html`
      ${stageIndicator(this.p, 3)}
      <h2 tabindex="-1">${p.smsHeading}</h2>
      <form novalidate @submit=${this.handleSubmit}>
        <div class="field">
          <label for="code">${p.smsCode}</label>
          <motp-input id="code" name="code" label=${p.smsCode} ?disabled=${this.dead} ?invalid=${!!this.error}></motp-input>
        </div>
        <p>
          ${p.remaining}
          <span class="timer ${left <= WARN_AT ? 'low' : ''}" role="timer" aria-label=${p.timer(m, s)}>${m}:${String(s).padStart(2, '0')}</span>
          <button type="button" ?disabled=${this.dead} @click=${() => this.extend()}>${p.extend}</button>
        </p>
        <p class="message ok" role="status">${this.notice}</p>
        ${this.submitActions(
          this.error,
          p.confirm,
          { disabled: this.dead },
          html`<button type="button" ?disabled=${wait > 0} @click=${() => this.resend()}>${wait > 0 ? p.resendIn(wait) : p.resend}</button>
            ${this.dead ? html`<button type="button" @click=${() => this.emit({ kind: 'restart' })}>${p.restart}</button>` : nothing}`,
        )}
      </form>
    `;
  }
}
