/** Styles the simulated apps share: the card they sit on, buttons, and the status and alert lines. */
import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block;
    border: 1px solid #d1d5db;
    border-radius: 16px;
    padding: 16px;
    font-size: 0.95rem;
  }
  button {
    font: inherit;
    border-radius: 8px;
    padding: 6px 14px;
    border: 1px solid #9ca3af;
    background: #fff;
    color: #111827;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    border-color: #1a56db;
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
  input {
    font: inherit;
    padding: 6px 8px;
    border: 1px solid #6b7280;
    border-radius: 6px;
  }
  input[aria-invalid='true'] {
    border-color: #b91c1c;
  }
  .empty {
    color: #4b5563;
    text-align: center;
  }
  [role='status'],
  [role='alert'] {
    margin: 8px 0 0;
    font-size: 0.9rem;
  }
  [role='status'] {
    color: #065f46;
  }
  [role='alert'] {
    color: #b91c1c;
  }
  [role='status']:empty,
  [role='alert']:empty {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
`;
