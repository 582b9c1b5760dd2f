import { LitElement, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { FormControlMixin, type OwnValidity } from '../internal/form-control.js';
import { MotpCompleteEvent } from './events.js';
import { styles } from './motp-input.styles.js';

/**
 * The ASCII digits in any text. NFKC turns full-width digits (Korean IMEs and some SMS apps
 * send them) into ASCII, like the other compatibility forms of digits (circled, superscript).
 * Not the protocol's `normalizeDigits()`: that one keeps letters for a validator to refuse,
 * while a code field keeps only digits, and this stays small when the element is used alone.
 */
const digits = (text: string) => text.normalize('NFKC').replace(/\D/g, '');

/**
 * @tagname motp-input
 * @summary A form field for a one-time code (HRD Korea mOTP, SMS): one real input, its digits
 * drawn as boxes.
 *
 * A single native `<input autocomplete="one-time-code" inputmode="numeric">` lies transparent
 * over the boxes, so SMS autofill, paste, IME, selection and the iOS caret stay the browser's
 * own (six separate inputs break all of them). Pasted or autofilled codes are cleaned: full-width
 * digits become ASCII, spaces and dashes go, letters are refused. The field takes part in its
 * `<form>` like a native input: value, validity, reset, disabled fieldsets, Enter submits.
 *
 * @fires {Event} input - The learner changed the code. Not fired when a refused character changed nothing,
 * nor when `value` is set by script.
 * @fires {Event} change - The learner committed a changed code: on leaving the field, on Enter, or when
 * the last digit was entered.
 * @fires {MotpCompleteEvent} motp-complete - The learner entered the last digit; `event.value`
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
export class MotpInput extends FormControlMixin(LitElement) {
  static override styles = styles;
  // `focus()`, autofocus and a click on a `<label>` for the element land on the inner input.
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };
  // Declared here rather than with decorators: the decorator helpers would cost more than the
  // rest of the element's logic when it is bundled alone (docs/architecture.md, Budgets). `name`,
  // `required` and `disabled` come with the form plumbing (internal/form-control.ts).
  static override properties: PropertyDeclarations = {
    value: {},
    label: {},
    length: { type: Number },
    readonly: { type: Boolean, reflect: true },
    invalid: { type: Boolean, reflect: true },
    validationMessageText: { attribute: 'validation-message-text' },
  };

  /** Name under which the code is submitted with the form. */
  override name = '';

  /** Accessible name of the field, read by screen readers (the boxes are hidden from them). */
  label = '인증번호';

  /** Number of digits in a complete code. */
  length = 6;

  /** An empty field makes its form invalid. */
  override required = false;

  /** Shows the code but refuses changes; still submitted, not validated (as a native input). */
  readonly = false;

  /** Error style and `aria-invalid`, e.g. after the server refused the code. */
  invalid = false;

  /** Message for an empty or partial code; empty means "인증번호 {length}자리를 입력해 주세요.". */
  validationMessageText = '';

  #code = '';
  /**
   * The code before the learner's first edit since the field was last committed (left, Enter,
   * last digit), null while there is none: what `change` compares with. As in a native input,
   * a value set by script fires no `change`, but does not hide the learner's own edit either.
   */
  #committed: string | null = null;

  /** The code so far: ASCII digits only, at most `length`; anything else is dropped when set. */
  get value(): string {
    return this.#code;
  }
  set value(next: string) {
    this.#code = this.#clean(next);
    // At once, not at the next render: a page may read FormData right after setting it.
    this.syncForm();
  }

  // Undefined rather than null before the first render: setValidity() takes no null anchor.
  get #input(): HTMLInputElement | undefined {
    return this.shadowRoot?.querySelector('input') ?? undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new `length` cuts the code as if set by script.
    if (changed.has('length')) this.value = this.#code;
  }

  /** Restores the `value` attribute (empty when none) when the form is reset. */
  override formResetCallback(): void {
    super.formResetCallback();
    this.#committed = null;
  }

  #handleInput(event: Event): void {
    // The inner input's `input` is composed and would reach the page even for a refused
    // letter; the host fires its own, once per real change.
    if (event.type === 'input') event.stopPropagation();
    // Rewriting the value mid-composition breaks a Korean IME syllable; wait for compositionend.
    if ((event as InputEvent).isComposing) return;
    const input = this.#input!;
    const raw = input.value;
    const next = this.#clean(raw);
    if (raw !== next) {
      // The caret stays after the digits it followed, wherever separators were dropped.
      const caret = this.#clean(raw.slice(0, input.selectionStart!)).length;
      input.value = next;
      input.setSelectionRange(caret, caret);
    }
    // The boxes follow the caret even when the code stays the same.
    this.#refresh();
    if (next === this.#code) return;
    this.#committed ??= this.#code;
    this.#code = next;
    this.syncForm();
    this.#fire('input');
    if (next.length === this.length) {
      this.#commit();
      this.dispatchEvent(new MotpCompleteEvent(next));
    }
  }

  #handleBeforeInput(event: InputEvent): void {
    // A letter typed over a selected digit would delete the digit once cleaned away: refuse,
    // before the browser applies it, any insertion that brings no digit (IME text cannot be
    // refused here; compositionend cleans it).
    const text = event.data ?? event.dataTransfer?.getData('text/plain');
    if (event.inputType.startsWith('insert') && text != null && !digits(text)) event.preventDefault();
  }

  #handleKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    // The inner input has no form owner across the shadow boundary, so the browser's implicit
    // submission never happens; do it for the host's form.
    this.#commit();
    this.submitForm();
  }

  #handleBlur(): void {
    this.#commit();
    this.#refresh();
  }

  #handlePointerUp(event: PointerEvent): void {
    const input = this.#input!;
    // The invisible text does not line up with the boxes, so a tap would put the native caret
    // anywhere; put it on the tapped box instead, its digit selected so typing replaces it
    // (editing one digit is what goes wrong on iOS with six inputs). Drag selections stay.
    // setSelectionRange() clamps to the code, so a tap past its end puts the caret there.
    if (input.selectionStart === input.selectionEnd) {
      const at = [...this.shadowRoot!.querySelectorAll('[part~=slot]')].filter(
        (box) => box.getBoundingClientRect().right <= event.clientX,
      ).length;
      input.setSelectionRange(at, at + 1);
    }
    this.#refresh();
  }

  /** Renders again: the boxes draw the input's caret and selection, read while rendering. */
  #refresh(): void {
    this.requestUpdate();
  }

  /** Fires `change` when the learner's edits left a value different from the last commit. */
  #commit(): void {
    const changed = (this.#committed ?? this.#code) !== this.#code;
    this.#committed = null;
    if (changed) this.#fire('change');
  }

  #fire(type: string): void {
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }

  #clean(raw: unknown): string {
    return digits(String(raw ?? '')).slice(0, this.length);
  }

  protected ownValidity(): OwnValidity {
    const { length } = this;
    const code = this.#code;
    const valueMissing = this.required && !code;
    const tooShort = code.length > 0 && code.length < length;
    return [
      { valueMissing, tooShort },
      valueMissing || tooShort ? this.validationMessageText || `인증번호 ${length}자리를 입력해 주세요.` : '',
      // The browser's message bubble points at the inner input once it exists.
      this.#input,
    ];
  }

  /** Selects the whole code, so that the next digit typed replaces it (e.g. after a wrong code). */
  select(): void {
    this.#input?.select();
  }

  override render() {
    const { length } = this;
    const code = this.#code;
    // The caret and selection are drawn only while the input has focus.
    const input = this.shadowRoot?.querySelector('input:focus') as HTMLInputElement | null | undefined;
    const start = input?.selectionStart ?? -1;
    const end = input?.selectionEnd ?? -1;
    // A collapsed caret past the last box (code complete) marks the last box.
    const caretAt = start === end ? Math.min(start, length - 1) : -1;
    const slots = Array.from(
      { length },
      (_, i) =>
        html`<div part=${i === caretAt || (i >= start && i < end) ? 'slot slot-active' : 'slot'} aria-hidden="true">${
          code[i] ?? (i === caretAt ? html`<span part="caret"></span>` : '')
        }</div>`,
    );
    // No `maxlength`: the browser would cut a pasted "１２３ ４５６" before the separators are
    // dropped; `#clean()` cuts after normalising instead. `:disabled` covers the attribute and a
    // disabled `<fieldset>` around the field. The template keeps no indentation: it ships as written.
    return html`<div part="base"><input part="input" autocomplete="one-time-code" inputmode="numeric"
enterkeyhint="done" spellcheck="false" aria-label=${this.label} aria-invalid=${this.invalid}
.value=${code} ?disabled=${this.matches(':disabled')} ?readonly=${this.readonly} ?required=${this.required}
@beforeinput=${this.#handleBeforeInput} @input=${this.#handleInput} @compositionend=${this.#handleInput}
@keydown=${this.#handleKeyDown} @keyup=${this.#refresh} @select=${this.#refresh}
@selectionchange=${this.#refresh} @focus=${this.#refresh} @blur=${this.#handleBlur}
@pointerup=${this.#handlePointerUp} />${slots}</div>`;
  }
}
