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
  @container (max-width: 480px) {
    .frame {
      padding: 12px;
    }
  }
`;
