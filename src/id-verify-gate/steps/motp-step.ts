/**
 * The mOTP step: the 6-digit code from the training mOTP app plus the member's phone, checked
 * by the server. Shows attempts left after a wrong code, and the locked state (5 in a row)
 * with what unlocks it. One request at a time: a double click sends one.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { VerifyError } from '../../client/index.js';
import { isCode } from '../../protocol/index.js';
import { CountdownController } from '../../internal/countdown-controller.js';
import { OneRequest } from '../../internal/one-request.js';
import { states } from '../../internal/reactive-state.js';
import type { MotpInput } from '../../motp-input/motp-input.js';
import { errorText } from '../error-text.js';
import { phoneChoice, phoneField } from '../prefill.js';
import { StepBase } from '../step-base.js';
import '../../motp-input/define.js';

/**
 * @summary The mOTP step of `<id-verify-gate>`.
 */
export class MotpStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    css`
      .locked {
        border-left: 4px solid var(--_danger);
        padding: 4px 12px;
      }
      motp-input {
        margin-bottom: var(--_gap);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    phoneAvailable: { type: Boolean, attribute: 'phone-available' },
    unlocked: { type: Boolean },
    ...states('error', 'codeInvalid', 'locked', 'upstreamDown'),
  };

  private readonly wait = new CountdownController(this);
  private readonly request = new OneRequest(this);

  /** Whether a phone check is offered (help text, and the way out of the locked state). */
  phoneAvailable = false;
  /** Set when the learner comes back from a phone check that lifted the lock. */
  unlocked = false;

  private error = '';
  private codeInvalid = false;
  private locked = false;
  /** mOTP's upstream failed: the phone check is offered in its place (대체인증). */
  private upstreamDown = false;
  /** The config the lock was last read from. */
  private lockReadFrom?: unknown;

  private get codeInput() {
    return this.renderRoot.querySelector<MotpInput>('motp-input')!;
  }

  private get phoneInput() {
    return this.renderRoot.querySelector<HTMLInputElement>('#phone')!;
  }

  override willUpdate() {
    // A learner already locked (in an earlier session) opens on the locked panel.
    if (this.config !== this.lockReadFrom) {
      this.lockReadFrom = this.config;
      if (this.config?.motp.locked && !this.unlocked) this.locked = true;
    }
  }

  private async handleSubmit(event: Event) {
    event.preventDefault();
    const client = this.client;
    if (this.wait.running || !client) return;
    const t = this.t;
    const otp = this.codeInput.value;
    if (!isCode(otp)) return this.fail(t.codeIncomplete, this.codeInput);
    const phone = phoneChoice(this.phoneInput.value, this.config);
    if (!phone) return this.fail(t.phoneInvalid, this.phoneInput);
    await this.request.run(
      async () => {
        this.error = '';
        this.emit({ kind: 'verified', result: await client.verifyMotp({ otp, ...phone }) });
      },
      (error) => this.handleError(error),
    );
  }

  private handleError(error: VerifyError) {
    const t = this.t;
    if (error.code === 'LOCKED' || (error.code === 'INVALID_CODE' && error.attemptsLeft === 0)) {
      this.locked = true;
      // Terminal only when no phone check can lift the lock from here.
      if (!this.phoneAvailable) this.emit({ kind: 'failed', code: 'LOCKED', message: t.lockedBody });
      return;
    }
    if (error.retryAfter && (error.code === 'RATE_LIMITED' || error.code === 'UPSTREAM_UNAVAILABLE')) {
      this.wait.start(error.retryAfter);
    }
    if (error.code === 'UNAUTHORIZED' || error.code === 'EXPIRED') {
      this.emit({ kind: 'failed', code: error.code, message: errorText(t, error) });
    }
    if (error.code === 'UPSTREAM_UNAVAILABLE') this.upstreamDown = true;
    const badPhone = error.code === 'MISMATCH' || (error.code === 'INVALID_INPUT' && error.field === 'phone');
    const message = error.code === 'UPSTREAM_UNAVAILABLE' && this.phoneAvailable ? `${t.unavailable} ${t.motpHelpPhone}` : errorText(t, error);
    if (error.code === 'INVALID_CODE' || error.code === 'ALREADY_USED') this.codeInput.value = '';
    this.fail(message, badPhone ? this.phoneInput : this.codeInput);
  }

  private fail(message: string, field: HTMLElement) {
    this.error = message;
    this.codeInvalid = field === this.codeInput;
    field.focus();
  }

  private renderLocked() {
    const t = this.t;
    return html`
      <div class="locked" role="alert">
        <p><strong>${t.lockedTitle}</strong></p>
        <p>${t.lockedBody}</p>
        ${this.phoneAvailable ? nothing : html`<p>${t.lockedContact}</p>`}
      </div>
      <div class="actions">
        ${this.phoneAvailable
          ? html`<button class="primary" @click=${() => this.emit({ kind: 'phone', unlock: true })}>${t.unlockWithPhone}</button>`
          : nothing}
        ${this.navigation()}
      </div>
    `;
  }

  private renderForm() {
    const t = this.t;
    const waiting = this.wait.running;
    const busy = this.request.busy;
    return html`
      <p id="instruction">${t.motpInstruction}</p>
      ${this.unlocked ? html`<p class="message ok" role="status">${t.unlocked}</p>` : nothing}
      <form novalidate @submit=${this.handleSubmit}>
        <div class="field">
          <label for="otp">${t.otpLabel}</label>
          <motp-input
            id="otp"
            name="otp"
            required
            label=${t.otpLabel}
            ?invalid=${this.codeInvalid && !!this.error}
            @input=${() => (this.codeInvalid = false)}
          ></motp-input>
        </div>
        ${phoneField('phone', t.memberPhoneLabel, t.phonePlaceholder, this.config)}
        ${this.submitActions(
          html`${this.error}${waiting ? ` (${this.wait.remaining})` : ''}`,
          busy ? t.verifying : t.verify,
          { disabled: waiting, busy },
          this.phoneAvailable && (this.mobile || this.upstreamDown)
            ? html`<button type="button" @click=${() => this.emit({ kind: 'phone', unlock: false })}>${t.switchToPhone}</button>`
            : nothing,
        )}
      </form>
      <ol class="help">
        ${t.motpHelp.map((line) => html`<li>${line}</li>`)}
        ${this.phoneAvailable ? html`<li>${t.motpHelpPhone}</li>` : nothing}
      </ol>
    `;
  }

  override render() {
    return html`
      <h2 tabindex="-1">${this.t.motpTitle}</h2>
      ${this.locked ? this.renderLocked() : this.renderForm()}
    `;
  }
}
