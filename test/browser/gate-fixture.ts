/** Helpers for gate tests: the real server app runs in the page (src/dev/in-page-backend). */
import { html, fixture } from '@open-wc/testing';
import type { VerifyClient } from '../../src/client/index.js';
import type { IdVerifyGate } from '../../src/id-verify-gate/id-verify-gate.js';
import { until } from '../../src/dev/gate-driver.js';
import '../../src/index.js';

export { createInPageBackend as createBackend, DEMO_MEMBER as MEMBER, wrongCode } from '../../src/dev/in-page-backend.js';

/** Renders a gate wired to `client` and waits until it has loaded its config. */
export async function renderGate(client: VerifyClient, attrs: { lang?: string; methods?: string } = {}) {
  const el = await fixture<IdVerifyGate>(html`<id-verify-gate
    purpose="exam"
    lang=${attrs.lang ?? ''}
    methods=${attrs.methods ?? ''}
    .client=${client}
  ></id-verify-gate>`);
  await waitFor(() => el.step !== 'loading', 'the config');
  return el;
}

/** Waits until `predicate` holds (the shared driver's `until`). */
export const waitFor = until;

/** The element inside the gate's current step matching `selector` (one shadow level down). */
export function inStep<T extends Element>(gate: IdVerifyGate, selector: string): T | null {
  const step = gate.shadowRoot!.querySelector('.step');
  return (step?.shadowRoot?.querySelector<T>(selector) ?? step?.querySelector<T>(selector)) || null;
}

/** The focused element, following open shadow roots down. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
