/**
 * The simulated "원격훈련 mOTP" app: registers the phone with the server's TOTP provider and
 * shows the current 6-digit code, the seconds left in its 60 s window, and copies on tap —
 * like the HRD Korea app in the seed manual. The number is the phone's (`<sim-phone>`); a new
 * number registers again.
 */
import { LitElement, css, html, svg } from 'lit';
import { appStyles } from './app.styles.ts';
import { customElement, property, state } from 'lit/decorators.js';
import { generate } from 'otplib';
import type { DevMotpEnrollRequest, DevMotpEnrollResponse } from '../../src/protocol/index.ts';
import { describeError, devPost } from './dev-api.ts';

const PERIOD = 60;
const RING = 2 * Math.PI * 26;

/** Parses the secret and period out of an `otpauth://totp/...` URI. */
function parseOtpauth(uri: string) {
  const url = new URL(uri);
  return { secret: url.searchParams.get('secret') ?? '', period: Number(url.searchParams.get('period') ?? PERIOD) };
}

@customElement('sim-motp-app')
export class SimMotpApp extends LitElement {
  static override styles = [
    appStyles,
    css`
    :host {
      text-align: center;
    }
    .brand {
      font-weight: 700;
      color: #1e3a8a;
    }
    .code {
      font: 700 2.4rem/1.2 ui-monospace, monospace;
      letter-spacing: 0.2em;
      border: 0;
      background: none;
      cursor: pointer;
      padding: 8px;
      color: #111827;
    }
    svg {
      display: block;
      margin: 8px auto;
    }
    .track {
      stroke: #e5e7eb;
    }
    .ring {
      stroke: #1a56db;
      transition: stroke-dashoffset 0.9s linear;
    }
    ul {
      list-style: disc;
      text-align: left;
      font-size: 0.85rem;
      color: #4b5563;
      padding-left: 1.2em;
    }
    .owner {
      margin: 0;
      color: #4b5563;
      font-size: 0.85rem;
    }
    [role='alert'] {
      color: #b91c1c;
      font-size: 0.9rem;
    }
    [role='alert']:empty {
      margin: 0;
    }
  `,
  ];

  /** The phone this app is registered to. */
  @property() phone = '';

  @state() private secret = '';
  @state() private period = PERIOD;
  @state() private code = '';
  @state() private secondsLeft = PERIOD;
  @state() private note = '';
  @state() private error = '';
  private timer?: ReturnType<typeof setInterval>;
  /** Counts registrations, so that a slow answer for an old number cannot win over a newer one. */
  private enrolment = 0;

  override connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('phone') && this.phone) {
      this.secret = this.code = this.note = this.error = '';
      void this.enroll();
    }
  }

  private async enroll() {
    const run = ++this.enrolment;
    try {
      const body: DevMotpEnrollRequest = { phone: this.phone };
      const { otpauth } = await devPost<DevMotpEnrollResponse>('motp/enroll', body);
      if (run !== this.enrolment) return;
      ({ secret: this.secret, period: this.period } = parseOtpauth(otpauth));
      await this.tick();
    } catch (error) {
      if (run === this.enrolment) this.error = `mOTP를 등록하지 못했습니다. ${describeError(error)}`;
    }
  }

  private async tick() {
    if (!this.secret) return;
    const now = Date.now() / 1000;
    this.secondsLeft = Math.ceil(this.period - (now % this.period));
    this.code = await generate({ secret: this.secret, period: this.period, epoch: Math.floor(now) });
  }

  private async copy() {
    this.error = '';
    try {
      if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(this.code);
      this.note = '인증번호가 클립보드에 복사되었습니다.';
    } catch (error) {
      this.note = '';
      this.error = `클립보드에 복사하지 못했습니다. (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  override render() {
    const offset = RING * (1 - this.secondsLeft / this.period);
    return html`
      <p class="brand">HRDK 한국산업인력공단<br />원격훈련 mOTP</p>
      <p class="owner">등록된 휴대폰 ${this.phone}</p>
      ${svg`<svg width="64" height="64" viewBox="0 0 64 64" aria-hidden="true">
        <circle class="track" cx="32" cy="32" r="26" fill="none" stroke-width="6"></circle>
        <circle class="ring" cx="32" cy="32" r="26" fill="none" stroke-width="6"
          stroke-dasharray=${RING} stroke-dashoffset=${offset} transform="rotate(-90 32 32)"></circle>
        <text x="32" y="37" text-anchor="middle" font-size="16">${this.secondsLeft}</text>
      </svg>`}
      <p><span data-testid="motp-seconds">${this.secondsLeft}</span>초 남음</p>
      <button class="code" data-testid="motp-code" aria-label="인증번호 ${this.code}, 눌러서 복사" @click=${this.copy}>
        ${this.code}
      </button>
      <p role="status">${this.note}</p>
      <p role="alert">${this.error}</p>
      <ul>
        <li>상단의 인증번호 6자리를 교육 받으시는 훈련기관 홈페이지의 인증화면에 입력하세요.</li>
        <li>인증번호를 누르면 클립보드에 복사됩니다.</li>
        <li>인증번호는 60초간 유효하며, 유효시간이 얼마 남지 않았을 경우 새 번호가 생성된 후 입력하여 주세요.</li>
      </ul>
    `;
  }
}
