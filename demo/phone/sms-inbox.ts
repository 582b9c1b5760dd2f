/**
 * The simulated messages app: the SMS the server sent to this phone, newest first, each exactly
 * as sent ("[Web발신] … 인증번호 [156479]를 입력해주세요.") with a "복사" button for its code.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DevInboxResponse, DevPhoneRequest } from '../../src/protocol/index.ts';
import { appStyles } from './app.styles.ts';
import { describeError, devPost } from './dev-api.ts';
import { formatTime, toDate } from './format.ts';
import { PollController } from './poll-controller.ts';

type Message = DevInboxResponse['messages'][number];

/** The code in a message, as the seed manual's SMS brackets it: `[156479]`. */
const CODE = /\[(\d{6})\]/;

@customElement('sim-sms-inbox')
export class SimSmsInbox extends LitElement {
  static override styles = [
    appStyles,
    css`
      :host {
        background: #f3f4f6;
      }
      li {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        margin-bottom: 12px;
      }
      .bubble {
        max-width: 85%;
        margin: 0;
        padding: 10px 12px;
        border-radius: 4px 16px 16px 16px;
        background: #fff;
        border: 1px solid #e5e7eb;
        white-space: pre-line;
        overflow-wrap: anywhere;
        line-height: 1.45;
      }
      mark {
        background: none;
        color: inherit;
        font-weight: 700;
      }
      .foot {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-top: 4px;
        font-size: 0.8rem;
        color: #4b5563;
      }
      .foot button {
        padding: 2px 10px;
        font-size: 0.8rem;
      }
    `,
  ];

  private readonly poll = new PollController(this, {
    task: (signal) => this.fetchInbox(signal),
    onError: (error) => (this.pollError = describeError(error)),
  });

  /** The phone whose inbox this is. */
  @property() phone = '';

  @state() private messages: Message[] = [];
  @state() private loaded = false;
  @state() private status = '';
  @state() private copyError = '';
  @state() private pollError = '';

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('phone') && changed.get('phone') !== undefined) {
      this.messages = [];
      this.loaded = false;
      this.status = this.copyError = this.pollError = '';
    }
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('phone') && changed.get('phone') !== undefined) this.poll.restart();
  }

  private async fetchInbox(signal: AbortSignal) {
    if (!this.phone) return;
    const body: DevPhoneRequest = { phone: this.phone };
    const { messages } = await devPost<DevInboxResponse>('inbox', body, signal);
    if (this.loaded && messages.length > this.messages.length) this.status = '새 문자 메시지가 도착했습니다.';
    this.messages = messages;
    this.loaded = true;
    this.pollError = '';
  }

  private async handleCopy(code: string) {
    this.copyError = '';
    try {
      if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(code);
      this.status = `인증번호를 클립보드에 복사했습니다: ${code}`;
    } catch (error) {
      this.status = '';
      this.copyError = `클립보드에 복사하지 못했습니다. 인증번호는 ${code}입니다. (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /** One bubble; `key` is the message's place counted from the oldest, stable as new ones arrive. */
  private renderMessage(message: Message, key: number, newest: boolean) {
    const at = toDate(message.at);
    const match = CODE.exec(message.text);
    // The text stays exactly as sent; only the code inside the brackets is marked up.
    const text = match
      ? html`${message.text.slice(0, match.index + 1)}<mark id="code-${key}" data-testid=${newest ? 'sms-code' : nothing}>${match[1]}</mark>${message.text.slice(match.index + 1 + match[1]!.length)}`
      : message.text;
    return html`
      <li data-testid="sms-message">
        <p class="bubble">${text}</p>
        <div class="foot">
          <time datetime=${at.toISOString()}>${formatTime(at)}</time>
          ${match
            ? html`<button aria-describedby="code-${key}" @click=${() => this.handleCopy(match[1]!)}>복사</button>`
            : null}
        </div>
      </li>
    `;
  }

  override render() {
    const count = this.messages.length;
    const newestFirst = this.messages.map((message, index) => ({ message, key: index })).reverse();
    return html`
      ${count
        ? html`<ul aria-label="받은 문자 메시지, 최신순">
            ${repeat(
              newestFirst,
              (item) => item.key,
              (item) => this.renderMessage(item.message, item.key, item.key === count - 1),
            )}
          </ul>`
        : html`<p class="empty">${this.loaded ? '받은 문자 메시지가 없습니다.' : '메시지를 불러오는 중입니다…'}</p>`}
      <p role="status">${this.status}</p>
      <p role="alert">${[this.copyError, this.pollError].filter(Boolean).join(' ')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sim-sms-inbox': SimSmsInbox;
  }
}
