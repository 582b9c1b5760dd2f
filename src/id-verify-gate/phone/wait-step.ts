/**
 * PASS app push and QR: the page waits for the approval on the phone, follows it live
 * (server-sent events, polling fallback) and finishes by itself once approved; "인증 완료"
 * re-checks on demand. Denial and expiry end with a clear message and a way to start again.
 */
import { phoneComplete } from '../../client/phone-calls.js';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { VerifyError } from '../../client/index.js';
import { PhoneStatusController } from '../../internal/phone-status-controller.js';
import type { PhoneStatus } from '../../protocol/index.js';
import { errorText } from '../error-text.js';
import { PhoneStep } from './phone-step.js';
import { qrPath, qrSvg } from './qr-code.js';

/** @summary The PASS app / QR waiting step of `<id-verify-gate>`. */
export class PhoneWaitStep extends PhoneStep {
  static override styles = [
    ...PhoneStep.styles,
    css`
      .qr {
        width: min(200px, 60vw);
        height: auto;
        display: block;
        margin: 0 0 var(--_gap);
      }
      .number {
        font: 700 1.6em/1.2 ui-monospace, monospace;
        letter-spacing: 0.15em;
      }
    `,
  ];

  private readonly live = new PhoneStatusController(this, ({ status }) => this.handleStatus(status));
  @state() private message = '';
  @state() private ended: PhoneStatus | '' = '';
  @state() private qr?: { size: number; d: string };
  private busy = false;

  override connectedCallback() {
    super.connectedCallback();
    const started = this.flow.started;
    if (!this.client || !started) return;
    this.message = this.p.waiting;
    this.live.watch(this.client, started.tx, started.expiresIn);
    if (started.qr) void qrPath(started.qr.payload).then((code) => (this.qr = code));
  }

  private handleStatus(status: PhoneStatus) {
    if (status === 'approved') void this.complete();
    else if (status !== 'pending') this.end(status);
  }

  private end(status: PhoneStatus | '', message = status === 'rejected' ? this.p.rejected : this.p.requestExpired) {
    this.live.stop();
    this.ended = status || 'rejected';
    this.message = message;
  }

  /** "인증 완료": asks the server; the token arrives only once the phone approved. */
  private async complete() {
    const tx = this.flow.started?.tx;
    if (this.busy || !this.client || !tx || this.ended) return;
    this.busy = true;
    try {
      const answer = await phoneComplete(this.client, tx);
      if (answer.status === 'approved') {
        this.live.stop();
        this.message = this.p.approved;
        this.emit({ kind: 'verified', result: answer });
      } else if (answer.status === 'pending') this.message = this.p.notYet;
      else this.end(answer.status);
    } catch (error) {
      const typed = error instanceof VerifyError ? error : new VerifyError({ code: 'NETWORK', message: '' }, 0);
      if (typed.code === 'MISMATCH') this.end('rejected', this.p.mismatch);
      else if (typed.code === 'UNAUTHORIZED' || typed.code === 'ALREADY_USED' || typed.code === 'EXPIRED') this.end('expired', errorText(this.t, typed));
      else this.message = errorText(this.t, typed);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const p = this.p;
    const qr = this.flow.started?.qr;
    return html`
      ${this.stages()}
      <h2 tabindex="-1">${qr ? p.qrHeading : p.pushHeading}</h2>
      <p>${qr ? p.qrHint : p.pushHint}</p>
      ${qr
        ? html`${this.qr ? qrSvg(this.qr, p.qrImage) : nothing}
            <p>${p.qrNumber}: <span class="number" data-testid="qr-number">${qr.number}</span></p>`
        : nothing}
      <p class="message ok" role="status">${this.ended ? '' : this.message}</p>
      <p class="message error" role="alert">${this.ended ? this.message : ''}</p>
      <div class="actions">
        ${this.ended
          ? html`<button class="primary" @click=${() => this.emit({ kind: 'restart' })}>${p.restart}</button>`
          : html`<button class="primary" @click=${() => this.complete()}>${p.complete}</button>`}
        ${this.navigation()}
      </div>
    `;
  }
}
