/**
 * "입력한 정보를 확인해 주세요": name and phone (SMS: also the birth date and the one
 * gender/century digit, shown as `000000 - 0` — never more), the 보안문자, then the request.
 */
import { phoneStart } from '../../client/phone-calls.js';
import { css, html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { VerifyError } from '../../client/index.js';
import { CountdownController } from '../../internal/countdown-controller.js';
import { OneRequest } from '../../internal/one-request.js';
import { normalizeDigits } from '../../protocol/index.js';
import { errorText } from '../error-text.js';
import { nameField, phoneChoice, phoneField } from '../prefill.js';
import { StepBase } from '../step-base.js';
import { stageIndicator, stageStyles } from './stage-indicator.js';
import type { CaptchaField } from './captcha-field.js';

/** @summary The identity and captcha step of the phone check in `<id-verify-gate>`. */
export class PhoneIdentityStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    stageStyles,
    css`
      .birth {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .birth input:first-child {
        width: 7em;
      }
      .birth input:last-of-type {
        width: 2.5em;
        text-align: center;
      }
    `,
  ];

  @query('form') private form!: HTMLFormElement;
  @query('idv-captcha-field') private captcha!: CaptchaField;
  @state() private error = '';
  @state() private captchaError = '';
  private readonly wait = new CountdownController(this);
  private readonly request = new OneRequest(this);

  private field(name: string) {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const client = this.client;
    if (this.wait.running || !client) return;
    const p = this.p;
    const sms = this.flow.method === 'sms';
    const name = this.field('name').value.trim();
    const number = this.field('number').value;
    const birth = sms ? `${normalizeDigits(this.field('birth').value)}-${normalizeDigits(this.field('digit').value)}` : undefined;
    const phone = phoneChoice(number, this.config);
    if (!name) return this.refuse(p.nameInvalid, 'name');
    if (!phone) return this.refuse(this.t.phoneInvalid, 'number');
    if (birth !== undefined && !/^\d{6}-\d$/.test(birth)) return this.refuse(p.birthInvalid, 'birth');
    if (!this.captcha.answer.trim()) {
      this.captchaError = p.captchaInput;
      return this.captcha.focus();
    }
    const { challengeId: id, answer } = this.captcha;
    await this.request.run(async () => {
      this.error = this.captchaError = '';
      const started = await phoneStart(client, {
        carrier: this.flow.carrier!,
        method: this.flow.method!,
        name,
        ...phone,
        ...(birth ? { birth } : {}),
        consent: true,
        captcha: { id, answer },
        ...(this.flow.unlock ? { purpose: 'motp-unlock' as const } : {}),
      });
      this.emit({ kind: 'next', patch: { name, number, started } });
    }, (error) => this.handleError(error));
  }

  private handleError(error: VerifyError) {
    const p = this.p;
    if (error.code === 'CAPTCHA_FAILED') {
      this.captchaError = p.captchaFailed;
      void this.captcha.refresh();
      return this.captcha.focus();
    }
    // Every other refusal used the captcha up; the next try needs a fresh one.
    void this.captcha.refresh();
    if (error.retryAfter && error.code === 'RATE_LIMITED') this.wait.start(error.retryAfter);
    if (error.code === 'UNAUTHORIZED') this.emit({ kind: 'failed', code: error.code, message: errorText(this.t, error) });
    const field = error.field === 'birth' ? 'birth' : error.field === 'name' ? 'name' : 'number';
    this.refuse(error.field === 'birth' ? p.birthInvalid : errorText(this.t, error), field);
  }

  private refuse(message: string, field: string) {
    this.error = message;
    this.field(field).focus();
  }

  override render() {
    const p = this.p;
    const sms = this.flow.method === 'sms';
    return html`
      ${stageIndicator(this.p, 2)}
      <h2 tabindex="-1">${p.identityHeading}</h2>
      <form novalidate @submit=${this.handleSubmit}>
        ${nameField(p.name, this.config, this.flow.name)}
        ${sms
          ? html`<div class="field">
              <label for="birth">${p.birth}</label>
              <div class="birth">
                <input id="birth" name="birth" inputmode="numeric" autocomplete="off" maxlength="6" placeholder="000000" aria-describedby="birth-hint" />
                <span aria-hidden="true">-</span>
                <input name="digit" inputmode="numeric" autocomplete="off" maxlength="1" placeholder="0" aria-label=${p.birthDigit} aria-describedby="birth-hint" />
                <span aria-hidden="true">●●●●●●</span>
              </div>
              <small id="birth-hint" class="help">${p.birthHint}</small>
            </div>`
          : nothing}
        ${phoneField('number', p.number, this.t.phonePlaceholder, this.config, this.flow.number)}
        <idv-captcha-field .error=${this.captchaError}></idv-captcha-field>
        ${this.submitActions(html`${this.error}${this.wait.running ? ` (${this.wait.remaining})` : ''}`, sms ? p.confirm : p.next, {
          disabled: this.wait.running,
          busy: this.request.busy,
        })}
      </form>
    `;
  }
}
