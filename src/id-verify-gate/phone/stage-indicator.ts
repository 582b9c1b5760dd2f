/**
 * The step indicator above each phone screen, so the learner sees where they are: stage names
 * for the eye, "3단계 중 2단계" for the ear. It lives with the phone chunk, which only
 * phone-path learners download.
 */
import { css, html } from 'lit';
import type { PhoneStrings } from '../../i18n/index.js';

/** Styles of the indicator; a phone step adds them to its own. */
export const stageStyles = css`
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
      .stages .done,
      .stages .now {
        border-color: var(--_accent);
      }
      .stages .now {
        color: var(--_text);
        font-weight: 600;
      }
`;

/** The indicator with `stage` (1-based) current. */
export function stageIndicator(p: PhoneStrings, stage: number) {
  return html`<p class="sr-only">${p.title}: ${p.stageOf(stage, p.stages.length)}</p>
    <ol class="stages" aria-hidden="true">
      ${p.stages.map((name, i) => html`<li class=${i + 1 === stage ? 'now' : i + 1 < stage ? 'done' : ''}>${name}</li>`)}
    </ol>`;
}
