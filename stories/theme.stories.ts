/**
 * Theming: the three elements read one set of `--idv-*` tokens (src/styles/tokens.ts). Here the
 * dark theme (stories/support/globals.ts), set once on a container, recolours the gate and both
 * form controls alike, through the states that use every colour: the accent (buttons, the
 * checked carrier), muted help, the subtle notice and 보안문자, errors, the low countdown, and
 * success. Any other story shows in the dark theme too with the toolbar's "Theme".
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { carrierPicker, motpInput } from './support/controls.js';
import { gateStoryMeta, type GateArgs } from './support/drive-gate.js';
import { storyLang } from './support/globals.js';
import * as gate from './id-verify-gate.stories.js';
import * as phone from './id-verify-gate-phone.stories.js';
import '../src/index.js';

const meta: Meta<GateArgs> = { title: 'Theme/Dark', ...gateStoryMeta, globals: { theme: 'dark' } };
export default meta;
type Story = StoryObj<GateArgs>;

/** The gate on its consent screen, and both form controls on their own (one with a carrier checked). */
export const Elements: Story = {
  render: (args, context) => {
    const lang = storyLang(args, context.globals);
    return html`${gateStoryMeta.render!(args, context)}
      <form>${motpInput({ value: '123' }, lang)}</form>
      ${carrierPicker({ value: 'KT_MVNO', mvnoHelpUrl: 'https://example.com/mvno' }, lang)}`;
  },
};

/** mOTP after a wrong code: the error colour on the message and the code boxes. */
export const MotpWrongCode: Story = { play: gate.MotpWrongCode.play };

/** mOTP locked: the danger border and the unlock button. */
export const MotpLocked: Story = { play: gate.MotpLocked.play };

/** The carrier and method step: the checked carrier and method in the accent colour. */
export const CarrierAndMethod: Story = { play: phone.CarrierAndMethod.play };

/** The identity step: the 보안문자 on the subtle background. */
export const Identity: Story = { play: phone.Identity.play };

/** SMS under 30 s: the low countdown in the danger colour, and the spoken warning. */
export const SmsExpiryWarning: Story = { play: phone.SmsExpiryWarning.play };

/** Done: the success colour. */
export const Done: Story = { play: gate.Done.play };
