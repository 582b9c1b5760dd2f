/**
 * Base of the phone path's steps: the step indicator above each of them, so the learner sees
 * where they are. It lives with the phone chunk, which only phone-path learners download.
 */
import { css, html } from 'lit';
import { StepBase } from '../step-base.js';

/** Where each phone step sits in the indicator (the mobile intro shares the first stage). */
const STAGE: Record<string, number> = {
  'IDV-PHONE-INTRO-STEP': 1,
  'IDV-PHONE-METHOD-STEP': 1,
  'IDV-PHONE-IDENTITY-STEP': 2,
  'IDV-PHONE-WAIT-STEP': 3,
  'IDV-PHONE-SMS-STEP': 3,
};

/** A phone step with the step indicator. */
export class PhoneStep extends StepBase {
  static override styles = [
    ...StepBase.styles,
    css`
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
    `,
  ];

  /** The indicator: stage names for the eye, "3단계 중 2단계" for the ear. */
  protected stages() {
    const p = this.p;
    const stage = STAGE[this.tagName] ?? 1;
    return html`<p class="sr-only">${p.title}: ${p.stageOf(stage, p.stages.length)}</p>
      <ol class="stages" aria-hidden="true">
        ${p.stages.map((name, i) => html`<li class=${i + 1 === stage ? 'now' : i + 1 < stage ? 'done' : ''}>${name}</li>`)}
      </ol>`;
  }
}
