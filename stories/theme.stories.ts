/**
 * Theming: the three elements read one set of `--idv-*` tokens (src/styles/tokens.ts). Here a
 * dark theme, set once on a container, recolours the gate and the two form controls alike.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { loadBackend, type Loaded } from './support/drive-gate.js';
import '../src/index.js';

const meta: Meta = { title: 'Theme/Dark', loaders: [loadBackend] };
export default meta;
type Story = StoryObj;

/** The tokens of a dark theme: contrast stays at WCAG AA (text 13:1, borders 5:1 on the surface). */
const dark = html`<style>
  .dark {
    --idv-color-accent: #8ab4f8;
    --idv-color-on-accent: #0b1220;
    --idv-color-text: #e8eaed;
    --idv-color-muted: #bdc1c6;
    --idv-color-border: #8a919a;
    --idv-color-surface: #1f2329;
    --idv-color-subtle: #2a2f36;
    --idv-color-danger: #f28b82;
    --idv-color-success: #81c995;
    background: #14171b;
    color: #e8eaed;
    padding: 24px;
    display: grid;
    gap: 24px;
    max-width: 44rem;
  }
</style>`;

/** The gate on its consent screen, and both form controls on their own, in the dark theme. */
export const Dark: Story = {
  render: (_args, { loaded }) => html`${dark}
    <div class="dark">
      <id-verify-gate purpose="exam" .client=${(loaded as Loaded).backend.client}></id-verify-gate>
      <form>
        <label for="dark-otp">인증번호</label>
        <motp-input id="dark-otp" name="otp" value="123"></motp-input>
      </form>
      <pass-carrier-picker name="carrier" value="KT_MVNO"></pass-carrier-picker>
    </div>`,
};
