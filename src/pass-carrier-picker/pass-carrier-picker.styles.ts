/**
 * Styles of `<pass-carrier-picker>`: adopted stylesheets only, nothing a strict CSP would block.
 *
 * Why some rules look the way they do (the notes stay out of the template, which ships as written):
 * - The host is a size container: the grid follows the width the page gives the element (a
 *   narrow column in a desktop LMS as much as a phone), not the viewport.
 * - `--idv-carrier-columns` is read in both the wide and the narrow rule, so a page that sets
 *   it gets that many columns at any width; unset, 3 become 2 below 20rem.
 * - The checked option differs by more than colour (WCAG 1.4.1): a thicker border and a check
 *   mark, which is text, so both survive forced colours. `content: '✓' / ''` gives the mark
 *   empty alternative text; `aria-checked` already says it.
 * - `box-sizing: border-box` keeps the option's size when its border thickens.
 * - Options are at least 44px high (WCAG 2.5.5, and the 2.5.8 minimum by far).
 * - The focus indicator is an outline, which survives forced colours; a box-shadow does not.
 * - Colours, corners, font and line breaking come from the shared tokens (`src/styles/tokens.ts`).
 * - `[hidden]` is `!important` so that a page styling `::part(help)` cannot show an empty box.
 */
import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

/** The element's stylesheets: the shared tokens, then its own. */
export const styles = [
  tokens,
  css`
  :host {
    display: block;
    container-type: inline-size;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .group {
    display: grid;
    grid-template-columns: repeat(var(--idv-carrier-columns, 3), minmax(0, 1fr));
    gap: var(--idv-carrier-gap, 0.5rem);
  }
  @container (max-width: 20rem) {
    .group {
      grid-template-columns: repeat(var(--idv-carrier-columns, 2), minmax(0, 1fr));
    }
  }
  [part~='option'] {
    position: relative;
    box-sizing: border-box;
    min-height: 44px;
    display: grid;
    place-items: center;
    padding: 0.5rem 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: center;
    cursor: pointer;
  }
  [part~='option']:hover {
    border-color: var(--_accent);
  }
  [part~='option']:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part~='option-checked'] {
    border: 3px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    font-weight: 600;
  }
  [part~='option-checked']::before {
    content: '✓' / '';
    position: absolute;
    top: 0.125rem;
    right: 0.375rem;
    color: var(--_accent);
    font-weight: 700;
  }
  [aria-disabled='true'] > [part~='option'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .help {
    margin-top: 0.5rem;
    color: var(--_muted);
    font-size: 0.9em;
  }
  a {
    color: var(--_accent);
  }
`,
];
