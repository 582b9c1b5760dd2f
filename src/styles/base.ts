/**
 * The base styles of the gate and its steps: the shared tokens (`tokens.ts`) plus the ones only
 * they read, typography, buttons, fields and message regions. Apart from `tokens.ts` so that
 * `<motp-input>` alone does not carry them.
 */
import { css } from 'lit';
import { tokens } from './tokens.js';

/** The gate's and its steps' base styles: the tokens, typography, buttons, fields and message regions. */
export const baseStyles = css`
  ${tokens}
  :host {
    --_accent-text: var(--idv-color-on-accent, #fff);
    --_subtle: var(--idv-color-subtle, #f3f4f6);
    --_success: var(--idv-color-success, #047857);
    --_gap: var(--idv-space, 12px);
    display: block;
    font-size: var(--idv-font-size, 1rem);
    line-height: 1.5;
    /* With keep-all (tokens.ts), a word too long for its box (a URL in a notice) still breaks. */
    overflow-wrap: break-word;
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--_gap);
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0 0 var(--_gap);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: var(--_gap);
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 8px 16px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  input:is([type='tel'], [type='text'], :not([type])) {
    box-sizing: border-box;
    font: inherit;
    width: 100%;
    max-width: 20em;
    min-height: 44px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field {
    margin-bottom: var(--_gap);
  }
  .message {
    margin: var(--_gap) 0 0;
    padding: 8px 12px;
    border-radius: var(--_radius);
  }
  .message:empty {
    display: none;
  }
  .error {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, transparent);
  }
  .ok {
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, transparent);
  }
  .help {
    color: var(--_muted);
    font-size: 0.9em;
    padding-left: 1.2em;
  }
`;
