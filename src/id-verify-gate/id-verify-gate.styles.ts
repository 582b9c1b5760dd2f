/** Styles of `<id-verify-gate>`: the frame and the default notice it renders into its slot. */
import { css } from 'lit';

/** Gate frame styles. Layout follows the container's width, not the user agent. */
export const gateStyles = css`
  :host {
    container-type: inline-size;
    max-width: var(--idv-gate-max-width, 40rem);
  }
  .frame {
    box-sizing: border-box;
    padding: var(--idv-gate-padding, 20px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .notice-heading {
    font-weight: 600;
    margin-bottom: 4px;
  }
  ul {
    margin: 0 0 var(--_gap);
    padding-left: 1.2em;
  }
  .done {
    color: var(--_success);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .stages {
    display: flex;
    gap: 4px;
    list-style: none;
    counter-reset: stage;
    padding: 0;
    margin: 0 0 var(--_gap);
    font-size: 0.85em;
    color: var(--_muted);
  }
  .stages li {
    flex: 1;
    counter-increment: stage;
    border-top: 4px solid var(--_border);
    padding-top: 4px;
  }
  .stages li::before {
    content: counter(stage) '. ';
  }
  .stages .past {
    border-color: var(--_accent);
  }
  .stages .current {
    border-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  @container (max-width: 480px) {
    .frame {
      padding: 12px;
    }
  }
`;
