/**
 * Design tokens and the base styles every step shares. Themes set the `--idv-*` custom
 * properties on the gate or any ancestor; nothing here needs a style attribute (strict CSP).
 */
import { css } from 'lit';

/** Base styles: tokens with defaults, typography, buttons, fields and message regions. */
export const baseStyles = css`
  :host {
    --_accent: var(--idv-color-accent, #1a56db);
    --_accent-text: var(--idv-color-on-accent, #fff);
    --_text: var(--idv-color-text, #1f2937);
    --_muted: var(--idv-color-muted, #4b5563);
    --_border: var(--idv-color-border, #9ca3af);
    --_surface: var(--idv-color-surface, #fff);
    --_subtle: var(--idv-color-subtle, #f3f4f6);
    --_danger: var(--idv-color-danger, #b91c1c);
    --_success: var(--idv-color-success, #047857);
    --_radius: var(--idv-radius, 8px);
    --_gap: var(--idv-space, 12px);
    display: block;
    color: var(--_text);
    font-family: var(--idv-font-family, system-ui, 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif);
    font-size: var(--idv-font-size, 1rem);
    line-height: 1.5;
    /* Korean wraps between words, never inside one ("알뜰/폰"); a word too long for its box still breaks. */
    word-break: keep-all;
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
