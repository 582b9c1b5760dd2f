/** Registers the gate's internal step elements (guarded: a page may load the bundle twice). */
import { define } from '../../internal/define.js';
import { ConsentStep } from './consent-step.js';
import { MotpStep } from './motp-step.js';

const steps: [string, CustomElementConstructor][] = [
  ['idv-consent-step', ConsentStep],
  ['idv-motp-step', MotpStep],
];
for (const [name, element] of steps) define(name, element);

declare global {
  interface HTMLElementTagNameMap {
    'idv-consent-step': ConsentStep;
    'idv-motp-step': MotpStep;
  }
}
