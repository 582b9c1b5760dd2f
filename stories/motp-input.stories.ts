/**
 * `<motp-input>`: the one-time-code field on its own. Try pasting "１２３ ４５６" or "123-456",
 * typing letters (refused), clicking a box to replace its digit, and Enter inside a form.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { motpInput, type MotpInputArgs } from './support/controls.js';
import { demoForm } from './support/demo-form.js';
import { controlStrings, storyLang } from './support/globals.js';
import '../src/motp-input/define.js';

/** The controls; an empty text is the toolbar language's own (label, message). */
type Args = MotpInputArgs;

const meta: Meta<Args> = {
  title: 'Controls/motp-input',
  component: 'motp-input',
  args: {
    value: '',
    name: 'otp',
    label: '',
    length: 6,
    required: false,
    disabled: false,
    readonly: false,
    invalid: false,
    validationMessageText: '',
  },
  argTypes: {
    length: { control: { type: 'number', min: 4, max: 8 } },
  },
  render: (args, { globals }) => motpInput(args, storyLang({}, globals)),
};
export default meta;
type Story = StoryObj<Args>;

/** Empty, waiting for the code from the HRD Korea mOTP app or an SMS. */
export const Default: Story = {};

/** A code already there, e.g. restored by the browser. */
export const Prefilled: Story = { args: { value: '123456' } };

/** After the server refused the code: error style and `aria-invalid`. */
export const Invalid: Story = { args: { value: '123456', invalid: true } };

/** Turned off while nothing can be entered (e.g. mOTP locked); not submitted. */
export const Disabled: Story = { args: { value: '123', disabled: true } };

/** Four digits instead of six. */
export const FourDigits: Story = { args: { length: 4 } };

/**
 * In a plain `<form>`: Enter or the button submits; an empty or partial code is refused with
 * the browser's bubble and "인증번호 6자리를 입력해 주세요.". The submitted value shows below.
 */
export const InsideForm: Story = {
  args: { required: true },
  render: (args, { globals }) => {
    const lang = storyLang({}, globals);
    return demoForm(lang, html`<p>${motpInput(args, lang)}</p>`, controlStrings(lang).submit);
  },
};

/** Theming through the `--idv-*` custom properties and the documented parts. */
export const Themed: Story = {
  render: (args, { globals }) => html`<style>
      .themed {
        --idv-color-accent: #047857;
        --idv-color-border: #065f46;
        --idv-color-surface: #ecfdf5;
        --idv-color-text: #064e3b;
        --idv-radius: 0;
        --idv-motp-slot-size: 3.25rem;
        --idv-motp-gap: 0.25rem;
        --idv-font-family: ui-monospace, monospace;
      }
      .themed::part(slot) {
        border-width: 0 0 3px;
      }
    </style>
    ${motpInput(args, storyLang({}, globals), { className: 'themed' })}`,
};
