/**
 * The simulated PASS app: the "본인확인 요청" notifications the server pushed to this phone, each
 * with "승인" and "거절", and the "QR인증" screen where the learner types the 6-digit number the
 * PC shows instead of scanning its QR code — like steps ④ and the QR page of the seed manual.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  isCode,
  normalizeDigits,
  type DevPassPendingResponse,
  type DevPhoneRequest,
  type DevQrRequest,
} from '../../src/protocol/index.ts';
import { appStyles } from './app.styles.ts';
import { DevApiError, describeError, devPost } from './dev-api.ts';
import { CARRIER_LABELS, formatTime, toDate } from './format.ts';
import { PollController } from './poll-controller.ts';

type PassRequest = DevPassPendingResponse['requests'][number];
type Decision = 'approve' | 'deny';

@customElement('sim-pass-app')
export class SimPassApp extends LitElement {
  static override styles = [
    appStyles,
    css`
      .brand {
        margin: 0 0 4px;
        font: 800 1.4rem/1 system-ui, sans-serif;
        color: #e4002b;
        letter-spacing: 0.04em;
      }
      .tagline {
        margin: 0 0 12px;
        color: #4b5563;
        font-size: 0.85rem;
      }
      li {
        border: 1px solid #e5e7eb;
        border-left: 4px solid #e4002b;
        border-radius: 12px;
        padding: 10px 12px;
        margin-bottom: 8px;
        background: #fef2f2;
      }
      .title {
        margin: 0;
        font-weight: 700;
      }
      .meta {
        margin: 2px 0 8px;
        color: #374151;
        font-size: 0.85rem;
      }
      .left {
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        gap: 8px;
      }
      .actions button {
        flex: 1;
      }
      .qr {
        margin-top: 16px;
        padding-top: 12px;
        border-top: 1px solid #e5e7eb;
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1rem;
      }
      .qr p.help {
        margin: 0 0 8px;
        color: #4b5563;
        font-size: 0.85rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      .row {
        display: flex;
        gap: 8px;
      }
      .row input {
        flex: 1;
        min-width: 0;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.15em;
      }
    `,
  ];

  private readonly poll = new PollController(this, {
    task: (signal) => this.fetchPending(signal),
    onError: (error) => (this.pollError = describeError(error)),
  });

  /** The phone the PASS app runs on. */
  @property() phone = '';

  @state() private requests: PassRequest[] = [];
  @state() private loaded = false;
  @state() private busy = new Set<string>();
  @state() private status = '';
  @state() private actionError = '';
  @state() private pollError = '';
  @state() private qrBusy = false;
  @state() private qrStatus = '';
  @state() private qrError = '';
  @state() private qrInvalid = false;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('phone') && changed.get('phone') !== undefined) {
      // Another phone: forget this one's notifications and what was said about them.
      this.requests = [];
      this.loaded = false;
      this.status = this.actionError = this.pollError = this.qrStatus = this.qrError = '';
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('phone') && changed.get('phone') !== undefined) this.poll.restart();
  }

  private async fetchPending(signal: AbortSignal) {
    if (!this.phone) return;
    const body: DevPhoneRequest = { phone: this.phone };
    const { requests } = await devPost<DevPassPendingResponse>('pass/pending', body, signal);
    const known = new Set(this.requests.map((request) => request.tx));
    if (this.loaded && requests.some((request) => !known.has(request.tx))) {
      this.status = '새 본인확인 요청이 도착했습니다.';
    }
    this.requests = requests;
    this.loaded = true;
    this.pollError = '';
  }

  private async handleDecision(request: PassRequest, decision: Decision) {
    this.busy = new Set(this.busy).add(request.tx);
    this.actionError = '';
    this.status = '';
    try {
      await devPost(`pass/${encodeURIComponent(request.tx)}/${decision}`, {});
      this.requests = this.requests.filter((item) => item.tx !== request.tx);
      this.status =
        decision === 'approve'
          ? '본인확인 요청을 승인했습니다. PC에서 ‘인증 완료’를 눌러 주세요.'
          : '본인확인 요청을 거절했습니다.';
    } catch (error) {
      this.actionError = `${decision === 'approve' ? '승인' : '거절'}하지 못했습니다. ${describeError(error)}`;
    } finally {
      const busy = new Set(this.busy);
      busy.delete(request.tx);
      this.busy = busy;
      this.poll.restart();
    }
  }

  private async handleQrSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('number') as HTMLInputElement;
    const number = normalizeDigits(input.value);
    this.qrStatus = '';
    if (!isCode(number)) {
      this.qrInvalid = true;
      this.qrError = 'PC에 표시된 인증번호 6자리를 입력해 주세요.';
      input.focus();
      return;
    }
    this.qrInvalid = false;
    this.qrError = '';
    this.qrBusy = true;
    try {
      const body: DevQrRequest = { phone: this.phone, number };
      await devPost('qr', body);
      form.reset();
      this.qrStatus = 'QR 인증 요청을 승인했습니다. PC에서 ‘인증 완료’를 눌러 주세요.';
    } catch (error) {
      this.qrError =
        error instanceof DevApiError && error.code === 'NOT_FOUND'
          ? '일치하는 QR 인증 요청이 없습니다.'
          : describeError(error);
    } finally {
      this.qrBusy = false;
    }
  }

  private renderRequest(request: PassRequest) {
    const requested = toDate(request.requestedAt);
    const busy = this.busy.has(request.tx);
    return html`
      <li data-testid="pass-request" data-tx=${request.tx}>
        <p class="title">본인확인 요청</p>
        <p class="meta">
          ${CARRIER_LABELS[request.carrier] ?? request.carrier} ·
          <time datetime=${requested.toISOString()}>${formatTime(requested)}</time> ·
          <span class="left">${Math.max(0, Math.round(request.expiresIn))}초 남음</span>
        </p>
        <div class="actions">
          <button class="primary" ?disabled=${busy} @click=${() => this.handleDecision(request, 'approve')}>승인</button>
          <button ?disabled=${busy} @click=${() => this.handleDecision(request, 'deny')}>거절</button>
        </div>
      </li>
    `;
  }

  override render() {
    return html`
      <p class="brand">PASS</p>
      <p class="tagline">본인이 요청한 경우에만 승인하세요. 사칭 전화사기에 주의하세요.</p>
      ${this.requests.length
        ? html`<ul aria-label="본인확인 요청">
            ${repeat(this.requests, (request) => request.tx, (request) => this.renderRequest(request))}
          </ul>`
        : html`<p class="empty">${this.loaded ? '대기 중인 본인확인 요청이 없습니다.' : '알림을 확인하는 중입니다…'}</p>`}
      <p role="status">${this.status}</p>
      <p role="alert">${[this.actionError, this.pollError].filter(Boolean).join(' ')}</p>

      <section class="qr" aria-labelledby="qr-title">
        <h3 id="qr-title">QR인증</h3>
        <p class="help">QR코드를 스캔하는 대신 PC 화면의 인증번호 6자리를 입력할 수 있습니다.</p>
        <form novalidate @submit=${this.handleQrSubmit}>
          <label for="qr-number">PC에 표시된 인증번호</label>
          <div class="row">
            <input
              id="qr-number"
              name="number"
              data-testid="qr-number"
              inputmode="numeric"
              autocomplete="off"
              aria-invalid=${this.qrInvalid ? 'true' : 'false'}
              aria-describedby="qr-error"
            />
            <button class="primary" ?disabled=${this.qrBusy}>확인</button>
          </div>
        </form>
        <p role="status">${this.qrStatus}</p>
        <p role="alert" id="qr-error">${this.qrError}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sim-pass-app': SimPassApp;
  }
}
