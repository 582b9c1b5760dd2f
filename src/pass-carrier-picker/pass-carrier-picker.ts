import { LitElement, html, nothing } from 'lit';
import { FormControlMixin, type OwnValidity } from '../internal/form-control.js';
import { property, queryAll, state } from 'lit/decorators.js';
import { CARRIERS, type Carrier } from '../protocol/constants.js';
import { styles } from './pass-carrier-picker.styles.js';

/** Korean names of the carriers, as the PASS screen of the seed manual writes them. */
export const CARRIER_LABELS: Readonly<Record<Carrier, string>> = {
  SKT: 'SKT',
  KT: 'KT',
  LGU: 'LG U+',
  SKT_MVNO: 'SKT 알뜰폰',
  KT_MVNO: 'KT 알뜰폰',
  LGU_MVNO: 'LG U+ 알뜰폰',
};

const isCarrier = (value: unknown): value is Carrier => CARRIERS.includes(value as Carrier);

/**
 * @tagname pass-carrier-picker
 * @summary The PASS carrier choice: SKT, KT, LG U+ and their 알뜰폰 (MVNO) networks, as one
 * radio group laid out in a 3×2 grid.
 *
 * Keyboard as a native radio group: one tab stop (the checked option, or the first when none
 * is), arrows move and select, wrapping at the ends, Home/End go to the first/last option,
 * Space selects, Enter submits the form. The field takes part in its `<form>` like a native
 * radio group: value, `required`, reset, disabled fieldsets.
 *
 * MVNO learners often do not know which network their 알뜰폰 brand runs on. The institution
 * may link its own list (`mvno-help-url`) or explain it in the `mvno-help` slot; with neither,
 * nothing is shown — the brand list is the institution's, and goes stale.
 *
 * @slot mvno-help - Help text under the options for 알뜰폰 users, instead of or beside the link.
 *
 * @fires {Event} input - The learner picked another carrier. Not fired when `value` is set by script.
 * @fires {Event} change - The learner picked another carrier; fired right after `input`, as native radios do.
 *
 * @csspart option - Each of the six options.
 * @csspart option-checked - Added to the checked option.
 * @csspart help - The box holding the "알뜰폰 사업자 확인" link and the `mvno-help` slot.
 *
 * @cssproperty --idv-carrier-columns - Columns of the grid, at any width. Default 3, and 2 when the element is narrower than 20rem.
 * @cssproperty --idv-carrier-gap - Space between the options. Default `0.5rem`.
 * @cssproperty --idv-color-accent - Focus outline, checked border and check mark.
 * @cssproperty --idv-color-border - Option borders.
 * @cssproperty --idv-color-text - Option text.
 * @cssproperty --idv-color-surface - Option background.
 * @cssproperty --idv-color-muted - Help text.
 * @cssproperty --idv-radius - Option corner radius.
 * @cssproperty --idv-font-family - Font.
 */
export class PassCarrierPicker extends FormControlMixin(LitElement) {
  static override styles = styles;
  // `focus()`, autofocus and a click on a `<label>` for the element land on an option.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  @queryAll('[role=radio]') private options?: NodeListOf<HTMLElement>;

  /** Name under which the carrier code is submitted with the form. */
  override name = '';

  /** The checked carrier's code (`SKT`, `KT_MVNO`…), or '' for none; anything else is set as ''. */
  @property()
  get value(): Carrier | '' {
    return this.carrier;
  }
  set value(next: Carrier | '') {
    this.carrier = isCarrier(next) ? next : '';
    // At once, not at the next render: a page may read FormData right after setting it.
    this.syncForm();
  }

  /** Accessible name of the group, read by screen readers. */
  @property() label = '통신사 선택';

  /**
   * Option names replacing the Korean ones, by carrier code (e.g. English ones). Not `labels`:
   * that is the standard list of the control's `<label>` elements.
   */
  @property({ type: Object, attribute: 'carrier-labels' }) carrierLabels: Partial<Record<Carrier, string>> = {};

  /** No carrier checked makes the form invalid. */
  override required = false;

  /** Message when `required` and nothing is checked. */
  @property({ attribute: 'validation-message-text' }) validationMessageText = '통신사를 선택해 주세요.';

  /** Address of the institution's page listing which network each 알뜰폰 brand uses; opens in a new tab. */
  @property({ attribute: 'mvno-help-url' }) mvnoHelpUrl = '';

  /** Text of the `mvno-help-url` link. */
  @property({ attribute: 'mvno-help-text' }) mvnoHelpText = '알뜰폰 사업자 확인';

  @state() private hasHelpSlot = false;

  private carrier: Carrier | '' = '';

  /** Restores the `value` attribute (none checked when absent) when the form is reset. */
  override formResetCallback(): void {
    this.value = this.getAttribute('value') as Carrier;
  }

  private handleClick(event: MouseEvent): void {
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role=radio]');
    if (option) this.pick(CARRIERS.indexOf(option.dataset.carrier as Carrier));
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const from = CARRIERS.indexOf((event.target as HTMLElement).dataset.carrier as Carrier);
    const to = {
      ArrowRight: from + 1,
      ArrowDown: from + 1,
      ArrowLeft: from - 1,
      ArrowUp: from - 1,
      Home: 0,
      End: -1,
      ' ': from,
    }[event.key];
    if (event.key === 'Enter') {
      // Options have no form owner across the shadow boundary, so the browser's implicit
      // submission never happens; do it for the host's form, as a native radio would.
      this.submitForm();
    } else if (to !== undefined && from >= 0) {
      // Arrows would scroll the page, Space too.
      event.preventDefault();
      this.pick((to + CARRIERS.length) % CARRIERS.length);
    }
  }

  private handleSlotChange(event: Event): void {
    this.hasHelpSlot = (event.target as HTMLSlotElement).assignedNodes().length > 0;
  }

  /** Checks and focuses the option at `index`; fires `input` and `change` if it was not checked. */
  private pick(index: number): void {
    if (this.matches(':disabled') || index < 0) return;
    this.options?.[index].focus();
    if (this.carrier === CARRIERS[index]) return;
    this.value = CARRIERS[index];
    for (const type of ['input', 'change']) this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }

  protected ownValidity(): OwnValidity {
    const valueMissing = this.required && !this.carrier;
    // The browser's message bubble points at the first option once it exists.
    return [{ valueMissing }, valueMissing ? this.validationMessageText : '', this.options?.[0]];
  }

  /** Nothing is submitted while no carrier is checked, as with native radios. */
  protected override submittedValue(): string | null {
    return this.carrier || null;
  }

  /** Focuses the checked option, or the first when none is checked. */
  override focus(options?: FocusOptions): void {
    this.options?.[Math.max(0, CARRIERS.indexOf(this.carrier as Carrier))].focus(options);
  }

  override render() {
    // `:disabled` covers the attribute and a disabled `<fieldset>` around the group.
    const disabled = this.matches(':disabled');
    const tabbable = Math.max(0, CARRIERS.indexOf(this.carrier as Carrier));
    const url = this.mvnoHelpUrl;
    // Disabled options lose their tabindex so that neither Tab nor a click focuses them.
    const options = CARRIERS.map((carrier, i) => {
      const checked = carrier === this.carrier;
      return html`<div
        role="radio"
        part=${checked ? 'option option-checked' : 'option'}
        data-carrier=${carrier}
        aria-checked=${checked}
        aria-disabled=${disabled}
        tabindex=${disabled ? nothing : i === tabbable ? 0 : -1}
      >${this.carrierLabels[carrier] ?? CARRIER_LABELS[carrier]}</div>`;
    });
    return html`<div
        role="radiogroup"
        class="group"
        aria-label=${this.label}
        aria-required=${this.required}
        aria-disabled=${disabled}
        @click=${this.handleClick}
        @keydown=${this.handleKeyDown}
      >${options}</div>
      <div part="help" class="help" ?hidden=${!url && !this.hasHelpSlot}>
        ${url ? html`<a href=${url} target="_blank" rel="noopener">${this.mvnoHelpText}</a>` : nothing}
        <slot name="mvno-help" @slotchange=${this.handleSlotChange}></slot>
      </div>`;
  }
}
