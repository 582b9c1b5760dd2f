/**
 * Form participation for our form controls, written once: `<motp-input>` and
 * `<pass-carrier-picker>` take part in their `<form>` like native fields (value, `required`,
 * reset, back/forward restore, `disabled` by attribute or by a disabled `<fieldset>`, the
 * constraint-validation API with `setCustomValidity`, and the standard `labels`). A control
 * says what it submits and how it is invalid; this does the rest through `ElementInternals`.
 */
import type { LitElement, PropertyDeclarations } from 'lit';

/** What the mixin needs from the class it extends (a Lit element). */
type LitElementClass = abstract new (...args: any[]) => LitElement; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How a control is invalid now: the flags, the message, and where the browser points its bubble. */
export type OwnValidity = [flags: ValidityStateFlags, message: string, anchor?: HTMLElement];

type AbstractConstructor<T> = abstract new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The standard members a form control offers, as native fields do, and the hooks a control
 * implements. A named type, because declaration files cannot name the mixin's own (anonymous)
 * class when it has protected members.
 */
export declare abstract class FormControlMembers {
  /** Name under which the value is submitted with the form. */
  name: string;
  /** The submitted value; '' for none. */
  abstract value: string;
  /** An empty control makes its form invalid. */
  required: boolean;
  /** Turns the control off; a disabled control is not submitted (a disabled `<fieldset>` does the same). */
  disabled: boolean;
  /** The form the control belongs to, or null. */
  readonly form: HTMLFormElement | null;
  /** The `<label>` elements of the control. */
  readonly labels: NodeList;
  /** Its validity flags. */
  readonly validity: ValidityState;
  /** Why it is invalid, or ''. */
  readonly validationMessage: string;
  /** Whether the form validates it. */
  readonly willValidate: boolean;
  /** True when valid; otherwise fires `invalid` at the control and returns false. */
  checkValidity(): boolean;
  /** Like `checkValidity()`, and shows the browser's message at the control when invalid. */
  reportValidity(): boolean;
  /** Marks the control invalid with `message` (e.g. the server refused it); '' clears it. */
  setCustomValidity(message: string): void;
  /** Restores the `value` attribute (empty when none) when the form is reset. */
  formResetCallback(): void;
  /** Follows the `disabled` attribute and any disabled `<fieldset>` around the control. */
  formDisabledCallback(): void;
  /** Puts back the value the browser saved (back/forward navigation, session restore). */
  formStateRestoreCallback(state: string | File | FormData | null): void;
  /** How the control is invalid, its custom message aside. */
  protected abstract ownValidity(): OwnValidity;
  /** What the form submits: the value (an empty one too, as a text field does); null submits nothing. */
  protected submittedValue(): string | null;
  /** Hands the form the current value and validity; call it whenever either may have changed. */
  protected syncForm(): void;
  /** Submits the form as Enter in a native field would. */
  protected submitForm(): void;
}

/**
 * Adds form participation to `Base`. The control implements `value` (setting it calls
 * `syncForm()`) and `ownValidity()`, and renders its inner control disabled while
 * `matches(':disabled')`, which covers the attribute and a disabled `<fieldset>`.
 */
export function FormControlMixin<Base extends LitElementClass>(Base: Base) {
  abstract class FormControlElement extends Base {
    static formAssociated = true;
    // `disabled` is an accessor over the attribute (below); listing it lets Lit take over a value
    // set before the element was defined, and re-render when it changes.
    static properties: PropertyDeclarations = {
      name: { reflect: true },
      required: { type: Boolean, reflect: true },
      disabled: { type: Boolean },
    };

    readonly #internals = this.attachInternals();
    #customMessage = '';

    declare name: string;
    declare required: boolean;
    abstract value: string;

    /** How the control is invalid, its custom message aside. */
    protected abstract ownValidity(): OwnValidity;

    /** What the form submits: the value (an empty one too, as a text field does); null submits nothing. */
    protected submittedValue(): string | null {
      return this.value;
    }

    /** Turns the control off; a disabled control is not submitted (a disabled `<fieldset>` does the same). */
    get disabled(): boolean {
      return this.hasAttribute('disabled');
    }
    set disabled(next: boolean) {
      // The attribute is the state: the browser answers it, like a disabled fieldset, with
      // formDisabledCallback. Boolean(): an undefined force would toggle the attribute.
      this.toggleAttribute('disabled', Boolean(next));
    }

    /** The form the control belongs to, or null. */
    get form(): HTMLFormElement | null {
      return this.#internals.form;
    }

    /** The `<label>` elements of the control. */
    get labels(): NodeList {
      return this.#internals.labels;
    }

    /** Its validity flags. */
    get validity(): ValidityState {
      return this.#internals.validity;
    }

    /** Why it is invalid, or ''. */
    get validationMessage(): string {
      return this.#internals.validationMessage;
    }

    /** Whether the form validates it (not while disabled or readonly). */
    get willValidate(): boolean {
      return this.#internals.willValidate;
    }

    /** True when valid; otherwise fires `invalid` at the control and returns false. */
    checkValidity(): boolean {
      return this.#internals.checkValidity();
    }

    /** Like `checkValidity()`, and shows the browser's message at the control when invalid. */
    reportValidity(): boolean {
      return this.#internals.reportValidity();
    }

    /** Marks the control invalid with `message` (e.g. the server refused it); '' clears it. */
    setCustomValidity(message: string): void {
      this.#customMessage = message;
      this.syncForm();
    }

    /** Restores the `value` attribute (empty when none) when the form is reset. */
    formResetCallback(): void {
      this.value = this.getAttribute('value') ?? '';
    }

    /** Follows the `disabled` attribute and any disabled `<fieldset>` around the control. */
    formDisabledCallback(): void {
      this.requestUpdate();
    }

    /** Puts back the value the browser saved (back/forward navigation, session restore). */
    formStateRestoreCallback(state: string | File | FormData | null): void {
      // Always a string: the form value is only ever set to one.
      this.value = state as string;
    }

    /** Hands the form the current value and validity; call it whenever either may have changed. */
    protected syncForm(): void {
      const [flags, message, anchor] = this.ownValidity();
      const custom = this.#customMessage;
      this.#internals.setFormValue(this.submittedValue());
      this.#internals.setValidity(custom ? { ...flags, customError: true } : flags, custom || message, anchor);
    }

    /** Submits the form as Enter in a native field would (the inner control has no form owner across the shadow boundary). */
    protected submitForm(): void {
      this.#internals.form?.requestSubmit();
    }

    protected override updated(changed: Map<PropertyKey, unknown>): void {
      super.updated(changed);
      this.syncForm();
    }
  }
  return FormControlElement as unknown as AbstractConstructor<FormControlMembers> & Base;
}
