/**
 * PASS app push and QR: the page waits for the approval on the phone, follows it live
 * (server-sent events, polling fallback) and finishes by itself once approved; "인증 완료"
 * re-checks on demand. Denial and expiry end with a clear message and a way to start again.
 */
import { phoneComplete } from '../../client/phone-calls.js';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { OneRequest } from '../../internal/one-request.js';
import { PhoneStatusController } from '../../internal/phone-status-controller.js';
import type { PhoneStatus } from '../../protocol/index.js';
import { errorText } from '../error-text.js';
import { StepBase } from '../step-base.js';
import { stageIndicator, stageStyles } from './stage-indicator.js';
import { qrPath, qrSvg } from './qr-code.js';

/** @summary The PASS app / QR waiting step of `<id-verify-gate>`. */
export class PhoneWaitStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    stageStyles,
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
  private readonly request = new OneRequest(this);
  @state() private message = '';
  @state() private ended: PhoneStatus | '' = '';
  @state() private qr?: { size: number; d: string };

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
  private complete() {
    const client = this.client;
    const tx = this.flow.started?.tx;
    if (!client || !tx || this.ended) return;
    void this.request.run(
      async () => {
        const answer = await phoneComplete(client, tx);
        if (answer.status === 'approved') {
          this.live.stop();
          this.message = this.p.approved;
          this.emit({ kind: 'verified', result: answer });
        } else if (answer.status === 'pending') this.message = this.p.notYet;
        else this.end(answer.status);
      },
      (error) => {
        if (error.code === 'MISMATCH') this.end('rejected', this.p.mismatch);
        else if (error.code === 'UNAUTHORIZED' || error.code === 'ALREADY_USED' || error.code === 'EXPIRED') this.end('expired', errorText(this.t, error));
        else this.message = errorText(this.t, error);
      },
    );
  }

  override render() {
    const p = this.p;
    const qr = this.flow.started?.qr;
    return html`
      ${stageIndicator(this.p, 3)}
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
