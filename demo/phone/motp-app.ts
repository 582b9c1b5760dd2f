/**
 * The simulated "원격훈련 mOTP" app: registers the phone with the server's TOTP provider and
 * shows the current 6-digit code, the seconds left in its 60 s window, and copies on tap —
 * like the HRD Korea app in the seed manual.
 */
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { generate } from 'otplib';

const PERIOD = 60;
const RING = 2 * Math.PI * 26;

/** Parses the secret and period out of an `otpauth://totp/...` URI. */
function parseOtpauth(uri: string) {
  const url = new URL(uri);
  return { secret: url.searchParams.get('secret') ?? '', period: Number(url.searchParams.get('period') ?? PERIOD) };
}

@customElement('sim-motp-app')
export class SimMotpApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border: 1px solid #d1d5db;
      border-radius: 16px;
      padding: 16px;
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
      text-align: left;
      font-size: 0.85rem;
      color: #4b5563;
      padding-left: 1.2em;
    }
    form {
      display: flex;
      gap: 8px;
      justify-content: center;
      margin-bottom: 8px;
    }
    input {
      font: inherit;
      padding: 6px;
      width: 10em;
    }
  `;

  /** The phone this app is registered to. */
  @property() phone = '';

  @state() private secret = '';
  @state() private period = PERIOD;
  @state() private code = '';
  @state() private secondsLeft = PERIOD;
  @state() private note = '';
  private timer?: ReturnType<typeof setInterval>;

  override connectedCallback() {
    super.connectedCallback();
    void this.enroll();
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async enroll() {
    const response = await fetch('/api/v1/dev/motp/enroll', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: this.phone }),
    });
    if (!response.ok) {
      this.note = '등록하지 못했습니다. 휴대폰 번호를 확인해 주세요.';
      return;
    }
    const { otpauth } = (await response.json()) as { otpauth: string };
    ({ secret: this.secret, period: this.period } = parseOtpauth(otpauth));
    this.note = '';
    await this.tick();
  }

  private async tick() {
    if (!this.secret) return;
    const now = Date.now() / 1000;
    this.secondsLeft = Math.ceil(this.period - (now % this.period));
    this.code = await generate({ secret: this.secret, period: this.period, epoch: Math.floor(now) });
  }

  private async copy() {
    await navigator.clipboard?.writeText(this.code).catch(() => undefined);
    this.note = '인증번호가 클립보드에 복사되었습니다.';
  }

  private handleRegister(event: SubmitEvent) {
    event.preventDefault();
    this.phone = (new FormData(event.target as HTMLFormElement).get('phone') as string) ?? '';
    void this.enroll();
  }

  override render() {
    const offset = RING * (1 - this.secondsLeft / this.period);
    return html`
      <p class="brand">HRDK 한국산업인력공단<br />원격훈련 mOTP</p>
      <form @submit=${this.handleRegister}>
        <label>휴대폰 <input name="phone" type="tel" .value=${this.phone} /></label>
        <button>등록</button>
      </form>
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
      <ul>
        <li>상단의 인증번호 6자리를 교육 받으시는 훈련기관 홈페이지의 인증화면에 입력하세요.</li>
        <li>인증번호를 누르면 클립보드에 복사됩니다.</li>
        <li>인증번호는 60초간 유효하며, 유효시간이 얼마 남지 않았을 경우 새 번호가 생성된 후 입력하여 주세요.</li>
      </ul>
    `;
  }
}
