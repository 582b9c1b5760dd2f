/**
 * The theme tokens, in one place: every element reads its colours, corners and font from the
 * `--idv-*` custom properties a page sets (on the element or any ancestor), with the defaults
 * below. Nothing here needs a style attribute (strict CSP).
 *
 * Tokens all three elements honour: `--idv-color-accent`, `--idv-color-text`,
 * `--idv-color-muted`, `--idv-color-border`, `--idv-color-surface`, `--idv-color-danger`,
 * `--idv-radius`, `--idv-font-family`. The gate and its steps also read `--idv-color-on-accent`,
 * `--idv-color-subtle`, `--idv-color-success`, `--idv-space` and `--idv-font-size`. Each
 * element's JSDoc lists the ones it honours, so they reach `custom-elements.json` and Storybook.
 *
 * Defaults meet WCAG 2.2 AA on white: text and muted text 7:1 and more, borders 4.8:1 (non-text
 * contrast needs 3:1). Korean wraps between words, never inside one (`word-break: keep-all`).
 */
import { css } from 'lit';

/**
 * The tokens every element reads, as private `--_*` variables, with the host's colour, font and
 * line breaking. Written without spaces: `<motp-input>` ships this alone, within its budget.
 */
export const tokens = css`
:host{--_accent:var(--idv-color-accent,#1a56db);--_text:var(--idv-color-text,#1f2937);--_muted:var(--idv-color-muted,#4b5563);--_border:var(--idv-color-border,#6b7280);--_surface:var(--idv-color-surface,#fff);--_danger:var(--idv-color-danger,#b91c1c);--_radius:var(--idv-radius,8px);color:var(--_text);font-family:var(--idv-font-family,system-ui,'Apple SD Gothic Neo','Malgun Gothic',sans-serif);word-break:keep-all}
`;
