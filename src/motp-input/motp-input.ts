import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { normalizeDigits } from '../protocol/input.js';
import { MotpCompleteEvent } from './events.js';
import { styles } from './motp-input.styles.js';

/**
 * @summary A form field for a one-time code (HRD Korea mOTP, SMS): one real input, its digits
 * drawn as boxes.
 *
 * A single native `<input autocomplete="one-time-code" inputmode="numeric">` lies transparent
 * over the boxes, so SMS autofill, paste, IME, selection and the iOS caret stay the browser's
 * own (six separate inputs break all of them). Pasted or autofilled codes are cleaned: full-width
 * digits become ASCII, spaces and dashes go, letters are refused. The field takes part in its
 * `<form>` like a native input: value, validity, reset, disabled fieldsets, Enter submits.
 *
 * @event input - The learner changed the code. Not fired when a refused character changed nothing,
 * nor when `value` is set by script.
 * @event change - The learner committed a changed code: on leaving the field, on Enter, or when
 * the last digit was entered.
 * @event {MotpCompleteEvent} motp-complete - The learner entered the last digit; `event.value`
 * holds the code. Not fired when `value` is set by script.
 *
 * @csspart base - The box holding the input and the digit boxes.
 * @csspart input - The real input, transparent, over the digit boxes.
 * @csspart slot - One digit box.
 * @csspart slot-active - Added to the box at the caret (or in the selection) while focused.
 * @csspart caret - The caret drawn in an empty active box.
 *
 * @cssproperty --idv-motp-slot-size - Width of a digit box; its height is 1.2 times this. Default `2.75rem`.
 * @cssproperty --idv-motp-gap - Space between the boxes. Default `0.5rem`.
 * @cssproperty --idv-color-accent - Focus outline and caret.
 * @cssproperty --idv-color-border - Box borders.
 * @cssproperty --idv-color-danger - Box borders while `invalid`.
 * @cssproperty --idv-color-text - Digits.
 * @cssproperty --idv-color-surface - Box background.
 * @cssproperty --idv-radius - Box corner radius.
 * @cssproperty --idv-font-family - Digit font.
 */
export class MotpInput extends LitElement {
  static override styles = styles;
  // `focus()`, autofocus and a click on a `<label>` for the element land on the inner input.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  private readonly internals = this.attachInternals();

  @query('input') private input!: HTMLInputElement;

  /** Name under which the code is submitted with the form. */
  @property({ reflect: true }) name = '';

  /** The code so far: ASCII digits only, at most `length`; anything else is dropped when set. */
  @property()
  get value(): string {
    return this.code;
  }
  set value(next: string) {
    this.code = this.clean(next);
    // At once, not at the next render: a page may read FormData right after setting it.
    this.syncForm();
  }

  /** Accessible name of the field, read by screen readers (the boxes are hidden from them). */
  @property() label = '인증번호';

  /** Number of digits in a complete code. */
  @property({ type: Number }) length = 6;

  /** Turns the field off; a disabled field is not submitted. */
  @property({ type: Boolean })
  get disabled(): boolean {
    return this.hasAttribute('disabled');
  }
  set disabled(next: boolean) {
    // Reflected at once, not at the next render: the browser answers the attribute with
    // formDisabledCallback, whose state change would be lost in the middle of a render.
    this.toggleAttribute('disabled', Boolean(next));
  }

  /** An empty field makes its form invalid. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Shows the code but refuses changes; still submitted, not validated (as a native input). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Error style and `aria-invalid`, e.g. after the server refused the code. */
  @property({ type: Boolean, reflect: true }) invalid = false;

  /** Message for an empty or partial code; empty means "인증번호 {length}자리를 입력해 주세요.". */
  @property({ attribute: 'validation-message-text' }) validationMessageText = '';

  @state() private formDisabled = false;
  @state() private selStart = -1;
  @state() private selEnd = -1;

  private code = '';
  /** The value when the field got focus or last fired `change`. */
  private committed = '';
  /** Whether the learner changed the value since the last `change`. */
  private edited = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('length')) this.code = this.clean(this.code);
  }

  protected override updated(): void {
    this.syncForm();
  }

  /** Restores the `value` attribute (empty when none) when the form is reset. */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.edited = false;
  }

  /** Follows the `disabled` attribute and any disabled `<fieldset>` around the field. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Puts back the value the browser saved (back/forward navigation, session restore). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.value = typeof state === 'string' ? state : '';
  }

  private handleInput(event: Event): void {
    // The inner input's `input` is composed and would reach the page even for a refused
    // letter; the host fires its own, once per real change.
    if (event.type === 'input') event.stopPropagation();
    // Rewriting the value mid-composition breaks a Korean IME syllable; wait for compositionend.
    if ((event as InputEvent).isComposing) return;
    const input = this.input;
    const raw = input.value;
    const next = this.clean(raw);
    if (raw !== next) {
      // The caret stays after the digits it followed, wherever separators were dropped.
      const caret = this.clean(raw.slice(0, input.selectionStart ?? raw.length)).length;
      input.value = next;
      input.setSelectionRange(caret, caret);
    }
    this.syncSelection();
    if (next === this.code) return;
    this.value = next;
    this.edited = true;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (next.length === this.length) {
      this.commit();
      this.dispatchEvent(new MotpCompleteEvent(next));
    }
  }

  private handleBeforeInput(event: InputEvent): void {
    // A letter typed over a selected digit would delete the digit once cleaned away: refuse,
    // before the browser applies it, any insertion that brings no digit (IME text cannot be
    // refused here; compositionend cleans it).
    const text = event.data ?? event.dataTransfer?.getData('text/plain');
    if (event.inputType.startsWith('insert') && text != null && !/\d/.test(normalizeDigits(text))) {
      event.preventDefault();
    }
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    // The inner input has no form owner across the shadow boundary, so the browser's implicit
    // submission never happens; do it for the host's form.
    this.commit();
    this.internals.form?.requestSubmit();
  }

  private handleFocus(): void {
    this.committed = this.code;
    this.syncSelection();
  }

  private handleBlur(): void {
    this.selStart = this.selEnd = -1;
    this.commit();
  }

  private handlePointerUp(event: PointerEvent): void {
    const input = this.input;
    // The invisible text does not line up with the boxes, so a tap would put the native caret
    // anywhere; put it on the tapped box instead, its digit selected so typing replaces it
    // (editing one digit is what goes wrong on iOS with six inputs). Drag selections stay.
    if (input.selectionStart === input.selectionEnd) {
      const boxes = [...this.renderRoot.querySelectorAll('[part~=slot]')];
      const hit = boxes.findIndex((box) => event.clientX < box.getBoundingClientRect().right);
      const at = Math.min(hit < 0 ? this.length : hit, this.code.length);
      input.setSelectionRange(at, at < this.code.length ? at + 1 : at);
    }
    this.syncSelection();
  }

  private syncSelection(): void {
    const input = this.input;
    if (this.shadowRoot?.activeElement !== input) return;
    this.selStart = input.selectionStart ?? 0;
    this.selEnd = input.selectionEnd ?? 0;
  }

  /** Fires `change` when the learner's edits left a value different from the last commit. */
  private commit(): void {
    const changed = this.edited && this.code !== this.committed;
    this.edited = false;
    this.committed = this.code;
    if (changed) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private clean(raw: unknown): string {
    return normalizeDigits(String(raw ?? ''))
      .replace(/\D/g, '')
      .slice(0, this.length);
  }

  private syncForm(): void {
    const { code, length } = this;
    this.internals.setFormValue(code);
    const valueMissing = this.required && !code;
    const tooShort = code.length > 0 && code.length < length;
    this.internals.setValidity(
      { valueMissing, tooShort },
      valueMissing || tooShort ? this.validationMessageText || `인증번호 ${length}자리를 입력해 주세요.` : '',
      // The browser's message bubble points at the inner input once it exists.
      this.input ?? undefined,
    );
  }

  /** The form the field belongs to, or null. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Validity flags: `valueMissing` (required and empty), `tooShort` (some digits missing). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** Why the field is invalid, or an empty string. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form validates this field (not when disabled or readonly). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** True when valid; otherwise fires `invalid` at the field and returns false. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the browser's message at the field when invalid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Selects the whole code, so that the next digit typed replaces it (e.g. after a wrong code). */
  select(): void {
    this.input?.select();
  }

  override render() {
    const { code, length, selStart: start, selEnd: end } = this;
    // A collapsed caret past the last box (code complete) marks the last box.
    const caretAt = start === end ? Math.min(start, length - 1) : -1;
    const slots = Array.from({ length }, (_, i) => {
      const active = i === caretAt || (i >= start && i < end);
      return html`<div part=${active ? 'slot slot-active' : 'slot'}>
        ${code[i] ?? (active && start === end ? html`<span part="caret" class="caret"></span>` : '')}
      </div>`;
    });
    // No `maxlength`: the browser would cut a pasted "１２３ ４５６" before the separators are
    // dropped; `clean()` cuts after normalising instead.
    return html`<div part="base" class="base">
      <input
        part="input"
        type="text"
        autocomplete="one-time-code"
        inputmode="numeric"
        enterkeyhint="done"
        autocapitalize="off"
        autocorrect="off"
        spellcheck="false"
        aria-label=${this.label}
        aria-invalid=${this.invalid}
        .value=${code}
        ?disabled=${this.disabled || this.formDisabled}
        ?readonly=${this.readonly}
        ?required=${this.required}
        @beforeinput=${this.handleBeforeInput}
        @input=${this.handleInput}
        @compositionend=${this.handleInput}
        @keydown=${this.handleKeyDown}
        @keyup=${this.syncSelection}
        @select=${this.syncSelection}
        @selectionchange=${this.syncSelection}
        @focus=${this.handleFocus}
        @blur=${this.handleBlur}
        @pointerup=${this.handlePointerUp}
      />
      <div class="slots" aria-hidden="true">${slots}</div>
    </div>`;
  }
}
