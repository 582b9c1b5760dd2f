/**
 * Styles of `<motp-input>`: adopted stylesheets only, nothing a strict CSP would block.
 *
 * The template ships as written (no CSS minifier runs on it, and `<motp-input>` alone has a
 * size budget, docs/architecture.md, Budgets), hence one rule per line without spaces and these notes outside it:
 * - `input` lies on top of the boxes with invisible text, caret and selection, so clicks, touch,
 *   selection, paste and autofill all reach it; the boxes draw what it holds. Its z-index keeps
 *   it there even if a page positions the boxes through `::part(slot)`.
 * - Its font is at least 16px: iOS Safari zooms the page into inputs with smaller text.
 * - `forced-color-adjust: none`: forced colours would paint its text over the boxes.
 * - `:-webkit-autofill`: browsers paint autofilled fields with an `!important` background
 *   that would hide the boxes; it cannot be overridden, only delayed by a transition
 *   (https://developer.mozilla.org/docs/Web/CSS/:autofill).
 * - `:host(:disabled)` matches both the `disabled` attribute and a disabled `<fieldset>`.
 * - The focus indicator of the active box is an outline: it survives forced colours, a
 *   box-shadow does not. The caret is a border for the same reason.
 * - Colours, corners and font come from the shared tokens (`src/styles/tokens.ts`).
 */
import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

/** The element's stylesheets: the shared tokens, then its own. */
export const styles = [
  tokens,
  css`
:host{--_size:var(--idv-motp-slot-size,2.75rem);display:inline-block;max-width:100%;vertical-align:middle}
:host([hidden]){display:none}
:host(:disabled){opacity:.5}
[part=base]{position:relative;display:flex;gap:var(--idv-motp-gap,.5rem)}
input{position:absolute;inset:0;z-index:1;width:100%;height:100%;margin:0;padding:0;border:0;outline:none;background:transparent;color:transparent;caret-color:transparent;font-size:max(16px,1em);cursor:text;forced-color-adjust:none}
input::selection{background:transparent;color:transparent}
input:-webkit-autofill{-webkit-text-fill-color:transparent;transition:background-color 0s 600000s}
input:disabled{cursor:not-allowed}
[part~=slot]{box-sizing:border-box;width:var(--_size);min-width:1.75rem;height:calc(var(--_size)*1.2);display:grid;place-items:center;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface);font-size:calc(var(--_size)*.5);line-height:1}
:host([invalid]) [part~=slot]{border:2px solid var(--_danger)}
[part~=slot-active]{border-color:var(--_accent);outline:2px solid var(--_accent);outline-offset:1px}
[part=caret]{height:1.1em;border-left:2px solid var(--_accent);animation:blink 1.2s step-end infinite}
@keyframes blink{50%{opacity:0}}
@media (prefers-reduced-motion:reduce){[part=caret]{animation:none}}
`,
];
