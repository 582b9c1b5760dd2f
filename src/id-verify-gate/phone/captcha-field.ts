/**
 * The 보안문자 block of the identity step: the picture (vector paths from the server, drawn as
 * an SVG template — no markup is injected), 새로고침, 음성듣기 (Web Audio, fetched with the
 * session so nothing secret rides in a URL), and the answer field.
 */
import { captcha, captchaAudio } from '../../client/phone-calls.js';
import { LitElement, css, html, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CaptchaResponse } from '../../protocol/index.js';
import { baseStyles } from '../../styles/base.js';
import { GateLink } from '../gate-link.js';

/** @summary Captcha picture, refresh, audio and answer, for the phone identity step. */
export class CaptchaField extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      svg {
        width: 180px;
        height: 60px;
        color: var(--_text);
        background: var(--_subtle);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      input {
        width: 10em;
      }
    `,
  ];

  // Not a step: it needs the gate's client and strings, nothing of navigation.
  private readonly gate = new GateLink(this);
  @query('input') private input!: HTMLInputElement;
  /** Message shown under the field (e.g. the last answer did not match). */
  @property() error = '';
  @state() private challenge?: CaptchaResponse;
  @state() private failed = false;

  /** The current challenge's id, or '' while loading. */
  get challengeId() {
    return this.challenge?.id ?? '';
  }

  /** What the learner typed. */
  get answer() {
    return this.input?.value ?? '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.refresh();
  }

  /** Fetches a new challenge and clears the answer. */
  async refresh() {
    if (!this.gate.client) return;
    try {
      this.challenge = await captcha(this.gate.client);
      this.failed = false;
    } catch {
      this.failed = true;
    }
    if (this.input) this.input.value = '';
  }

  /** Moves focus to the answer field. */
  override focus() {
    this.input?.focus();
  }

  private async speak() {
    if (!this.gate.client || !this.challenge) return;
    try {
      const audio = new AudioContext();
      const buffer = await audio.decodeAudioData(await captchaAudio(this.gate.client, this.challenge.id));
      const source = audio.createBufferSource();
      source.buffer = buffer;
      source.connect(audio.destination);
      source.onended = () => void audio.close();
      source.start();
    } catch {
      this.failed = true;
    }
  }

  override render() {
    const p = this.gate.t.phone!;
    const image = this.challenge?.image;
    return html`
      <p class="label" id="captcha-label"><strong>${p.captcha}</strong></p>
      <div class="row">
        ${image
          ? svg`<svg viewBox="0 0 ${image.width} ${image.height}" role="img" aria-label=${p.captchaImage}>${image.paths.map(
              (d) => svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />`,
            )}</svg>`
          : html`<svg role="img" aria-label=${p.captchaImage}></svg>`}
        <button type="button" @click=${() => this.refresh()}>${p.captchaRefresh}</button>
        <button type="button" @click=${() => this.speak()}>${p.captchaAudio}</button>
      </div>
      <label for="captcha">${p.captchaInput}</label>
      <input
        id="captcha"
        name="captcha"
        inputmode="numeric"
        autocomplete="off"
        maxlength="12"
        aria-describedby="captcha-error"
        aria-invalid=${this.error ? 'true' : 'false'}
      />
      <p id="captcha-error" class="message error" role="alert">${this.failed ? this.gate.t.network : this.error}</p>
    `;
  }
}
