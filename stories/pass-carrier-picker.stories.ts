/**
 * `<pass-carrier-picker>`: the PASS carrier choice on its own. Try Tab into the group, the
 * arrows (they select, and wrap), Home/End, Space, a click, and Enter inside a form.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CARRIERS, type Carrier } from '../src/protocol/constants.js';
import { demoForm } from './support/demo-form.js';
import { controlStrings, storyLang } from './support/globals.js';
import '../src/pass-carrier-picker/define.js';

interface Args {
  value: Carrier | '';
  name: string;
  /** Empty: the toolbar language's label. */
  label: string;
  required: boolean;
  disabled: boolean;
  mvnoHelpUrl: string;
}

/**
 * The picker as a page in the story's language writes it: its label, carrier names, link text
 * and required message in that language (the element ships Korean ones).
 */
const picker = (args: Partial<Args>, lang: string, more: { className?: string } = {}) => {
  const s = controlStrings(lang);
  return html`<pass-carrier-picker
    class=${more.className ?? ''}
    .value=${args.value ?? ''}
    name=${args.name ?? 'carrier'}
    label=${args.label || s.carrierHeading}
    .carrierLabels=${s.carrierLabels}
    mvno-help-text=${s.mvnoHelp}
    validation-message-text=${s.carrierRequired}
    mvno-help-url=${args.mvnoHelpUrl ?? ''}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></pass-carrier-picker>`;
};

const meta: Meta<Args> = {
  title: 'Controls/pass-carrier-picker',
  component: 'pass-carrier-picker',
  args: {
    value: '',
    name: 'carrier',
    label: '',
    required: false,
    disabled: false,
    mvnoHelpUrl: '',
  },
  argTypes: {
    value: { control: 'select', options: ['', ...CARRIERS] },
  },
  render: (args, { globals }) => picker(args, storyLang({}, globals)),
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
    const s = controlStrings(storyLang({}, globals));
    const help = storyLang({}, globals).startsWith('en')
      ? 'MVNO users: choose the MVNO of the network printed on your bill (SKT, KT or LG U+).'
      : '알뜰폰 이용자는 요금 고지서에 적힌 통신망(SKT·KT·LG U+)의 알뜰폰을 선택해 주세요.';
    return html`<pass-carrier-picker
      name=${args.name}
      label=${s.carrierHeading}
      .carrierLabels=${s.carrierLabels}
      mvno-help-text=${s.mvnoHelp}
      mvno-help-url=${args.mvnoHelpUrl}
    >
      <p slot="mvno-help">${help}</p>
    </pass-carrier-picker>`;
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
    return demoForm(lang, html`<p>${s.carrierHeading}</p>${picker({ ...args, value: '' }, lang)}`, s.next);
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
    <div class="narrow">${picker({ ...args, mvnoHelpUrl: '' }, storyLang({}, globals))}</div>`,
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
    ${picker(args, storyLang({}, globals), { className: 'themed' })}`,
};
