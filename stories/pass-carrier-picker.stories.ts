/**
 * `<pass-carrier-picker>`: the PASS carrier choice on its own. Try Tab into the group, the
 * arrows (they select, and wrap), Home/End, Space, a click, and Enter inside a form.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CARRIERS } from '../src/protocol/constants.js';
import { carrierPicker, type CarrierPickerArgs } from './support/controls.js';
import { demoForm } from './support/demo-form.js';
import { controlStrings, storyLang } from './support/globals.js';
import '../src/pass-carrier-picker/define.js';

/** The controls; an empty text is the toolbar language's own (label, message, link text). */
type Args = CarrierPickerArgs;

const meta: Meta<Args> = {
  title: 'Controls/pass-carrier-picker',
  component: 'pass-carrier-picker',
  args: {
    value: '',
    name: 'carrier',
    label: '',
    required: false,
    disabled: false,
    validationMessageText: '',
    mvnoHelpUrl: '',
    mvnoHelpText: '',
  },
  argTypes: {
    value: { control: 'select', options: ['', ...CARRIERS] },
  },
  render: (args, { globals }) => carrierPicker(args, storyLang({}, globals)),
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing checked yet: the first option is the group's one tab stop. */
export const Default: Story = {};

/** A carrier checked: thicker border and a check mark, not colour alone. */
export const Selected: Story = { args: { value: 'KT_MVNO' } };

/**
 * The "알뜰폰 사업자 확인" aid: a link to the institution's own page (new tab) and help text in
 * the `mvno-help` slot. Without either, nothing is shown.
 */
export const WithMvnoHelp: Story = {
  args: { mvnoHelpUrl: 'https://example.com/mvno' },
  render: (args, { globals }) => {
    const lang = storyLang({}, globals);
    const help = lang.startsWith('en')
      ? 'MVNO users: choose the MVNO of the network printed on your bill (SKT, KT or LG U+).'
      : '알뜰폰 이용자는 요금 고지서에 적힌 통신망(SKT·KT·LG U+)의 알뜰폰을 선택해 주세요.';
    return carrierPicker(args, lang, { children: html`<p slot="mvno-help">${help}</p>` });
  },
};

/**
 * In a plain `<form>`: "다음" with nothing checked is refused with the browser's bubble and
 * "통신사를 선택해 주세요."; Enter on an option submits. The submitted value shows below.
 */
export const Required: Story = {
  args: { required: true },
  render: (args, { globals }) => {
    const lang = storyLang({}, globals);
    const s = controlStrings(lang);
    return demoForm(lang, html`<p>${s.carrierHeading}</p>${carrierPicker(args, lang)}`, s.next);
  },
};

/** Turned off: out of the tab order, deaf to clicks and keys, not submitted. */
export const Disabled: Story = { args: { value: 'SKT', disabled: true } };

/** In a container narrower than 20rem the grid falls back to 2 columns (container query). */
export const Narrow: Story = {
  render: (args, { globals }) => html`<style>
      .narrow {
        width: 18rem;
      }
    </style>
    <div class="narrow">${carrierPicker({ ...args, mvnoHelpUrl: '' }, storyLang({}, globals))}</div>`,
};

/** Theming through the `--idv-*` custom properties and the documented parts. */
export const Themed: Story = {
  args: { value: 'LGU', mvnoHelpUrl: 'https://example.com/mvno' },
  render: (args, { globals }) => html`<style>
      .themed {
        --idv-color-accent: #047857;
        --idv-color-border: #065f46;
        --idv-color-surface: #ecfdf5;
        --idv-color-text: #064e3b;
        --idv-radius: 999px;
        --idv-carrier-gap: 0.75rem;
        --idv-font-family: Georgia, serif;
      }
      .themed::part(option) {
        min-height: 3.5rem;
      }
      .themed::part(option-checked) {
        background: #a7f3d0;
      }
      .themed::part(help) {
        text-align: end;
      }
    </style>
    ${carrierPicker(args, storyLang({}, globals), { className: 'themed' })}`,
};
