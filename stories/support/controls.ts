/**
 * The two form controls as a page in the story's language writes them: every text a control
 * shows (label, messages, carrier names, link text) in that language unless the story's control
 * sets it, since the elements ship Korean defaults. Used by the controls' stories and the dark theme.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Carrier } from '../../src/protocol/constants.js';
import { controlStrings } from './globals.js';

/** What a `<motp-input>` story may set (its controls); empty texts fall back to the language's. */
export interface MotpInputArgs {
  value: string;
  name: string;
  label: string;
  length: number;
  required: boolean;
  disabled: boolean;
  readonly: boolean;
  invalid: boolean;
  validationMessageText: string;
}

/** What a `<pass-carrier-picker>` story may set (its controls); empty texts fall back to the language's. */
export interface CarrierPickerArgs {
  value: Carrier | '';
  name: string;
  label: string;
  required: boolean;
  disabled: boolean;
  validationMessageText: string;
  mvnoHelpUrl: string;
  mvnoHelpText: string;
}

/** Extra touches a story adds to a control: a class to theme it by, an id, slotted content. */
export interface ControlExtras {
  className?: string;
  id?: string;
  children?: TemplateResult;
}

/** `<motp-input>` with `args`, its texts in `lang`. */
export function motpInput(args: Partial<MotpInputArgs>, lang: string, extras: ControlExtras = {}): TemplateResult {
  const s = controlStrings(lang);
  const length = args.length ?? 6;
  // The product's message names six digits; a story with another length says its own number.
  const incomplete = s.codeIncomplete.replace('6', String(length));
  return html`<motp-input
    id=${extras.id ?? nothing}
    class=${extras.className ?? nothing}
    .value=${args.value ?? ''}
    name=${args.name ?? 'otp'}
    label=${args.label || s.codeLabel}
    validation-message-text=${args.validationMessageText || incomplete}
    length=${length}
    ?required=${args.required}
    ?disabled=${args.disabled}
    ?readonly=${args.readonly}
    ?invalid=${args.invalid}
  ></motp-input>`;
}

/** `<pass-carrier-picker>` with `args`, its texts (carrier names included) in `lang`. */
export function carrierPicker(args: Partial<CarrierPickerArgs>, lang: string, extras: ControlExtras = {}): TemplateResult {
  const s = controlStrings(lang);
  return html`<pass-carrier-picker
    id=${extras.id ?? nothing}
    class=${extras.className ?? nothing}
    .value=${args.value ?? ''}
    name=${args.name ?? 'carrier'}
    label=${args.label || s.carrierHeading}
    .carrierLabels=${s.carrierLabels}
    mvno-help-text=${args.mvnoHelpText || s.mvnoHelp}
    validation-message-text=${args.validationMessageText || s.carrierRequired}
    mvno-help-url=${args.mvnoHelpUrl ?? ''}
    ?required=${args.required}
    ?disabled=${args.disabled}
    >${extras.children ?? nothing}</pass-carrier-picker
  >`;
}
