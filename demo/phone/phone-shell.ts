/**
 * The simulated phone: one number at the top that every app on the page uses, and the apps
 * below it — PASS (push approvals and QR number entry), 메시지 (the SMS inbox) and mOTP.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { normalizeKoreanMobile } from '../../src/protocol/index.ts';
import { formatPhone } from './format.ts';
import './motp-app.ts';
import './pass-app.ts';
import './sms-inbox.ts';

/** The apps, in the order the page shows them. */
const APPS = [
  { id: 'pass', label: 'PASS' },
  { id: 'sms', label: '메시지' },
  { id: 'motp', label: 'mOTP' },
] as const;

type AppId = (typeof APPS)[number]['id'];

@customElement('sim-phone')
export class SimPhone extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    header {
      position: sticky;
      top: 0;
      z-index: 1;
      margin: 0 -16px;
      padding: 8px 16px;
      background: #fff;
      border-bottom: 1px solid #e5e7eb;
    }
    form {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    label {
      font-weight: 600;
      white-space: nowrap;
    }
    input {
      flex: 1;
      min-width: 0;
      font: inherit;
      padding: 6px 8px;
      border: 1px solid #6b7280;
      border-radius: 6px;
      font-variant-numeric: tabular-nums;
    }
    input[aria-invalid='true'] {
      border-color: #b91c1c;
    }
    button {
      font: inherit;
      padding: 6px 12px;
      border-radius: 8px;
      border: 1px solid #9ca3af;
      background: #fff;
      color: #111827;
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible,
    h2:focus-visible {
      outline: 3px solid #f59e0b;
      outline-offset: 2px;
    }
    nav ul {
      display: flex;
      gap: 6px;
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    nav li {
      flex: 1;
    }
    nav button {
      width: 100%;
      padding: 4px 0;
      border-radius: 999px;
      font-size: 0.9rem;
    }
    [role='alert'] {
      margin: 4px 0 0;
      color: #b91c1c;
      font-size: 0.9rem;
    }
    [role='alert']:empty {
      margin: 0;
    }
    section {
      margin-top: 16px;
      scroll-margin-top: 96px;
    }
    h2 {
      margin: 0 0 8px;
      font-size: 1rem;
    }
  `;

  /** The phone's number, shared by every app on it (`010-1234-5678` or digits). */
  @property({ reflect: true }) phone = '010-1234-5678';

  @state() private error = '';

  private handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('phone') as HTMLInputElement;
    const digits = normalizeKoreanMobile(input.value);
    if (!digits) {
      this.error = '휴대폰 번호를 확인해 주세요. 예: 010-1234-5678';
      input.focus();
      return;
    }
    this.error = '';
    this.phone = formatPhone(digits);
    input.value = this.phone;
  }

  private handleJump(id: AppId) {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${id}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  override render() {
    return html`
      <header>
        <form @submit=${this.handleSubmit}>
          <label for="phone">휴대폰 번호</label>
          <input
            id="phone"
            name="phone"
            type="tel"
            autocomplete="off"
            .value=${this.phone}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby="phone-error"
          />
          <button>변경</button>
        </form>
        <p role="alert" id="phone-error">${this.error}</p>
        <nav aria-label="앱 바로가기">
          <ul>
            ${APPS.map((app) => html`<li><button type="button" @click=${() => this.handleJump(app.id)}>${app.label}</button></li>`)}
          </ul>
        </nav>
      </header>
      <section aria-labelledby="pass-title">
        <h2 id="pass-title" tabindex="-1">PASS</h2>
        <sim-pass-app .phone=${this.phone}></sim-pass-app>
      </section>
      <section aria-labelledby="sms-title">
        <h2 id="sms-title" tabindex="-1">메시지</h2>
        <sim-sms-inbox .phone=${this.phone}></sim-sms-inbox>
      </section>
      <section aria-labelledby="motp-title">
        <h2 id="motp-title" tabindex="-1">mOTP</h2>
        <sim-motp-app .phone=${this.phone}></sim-motp-app>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sim-phone': SimPhone;
  }
}
