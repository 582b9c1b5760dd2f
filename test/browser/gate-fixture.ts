/** Helpers for gate tests: the real server app runs in the page (src/dev/in-page-backend). */
import { html, fixture } from '@open-wc/testing';
import type { VerifyClient } from '../../src/client/index.js';
import type { IdVerifyGate } from '../../src/id-verify-gate/id-verify-gate.js';
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

/** Polls `predicate` every frame for up to 3 s. */
export async function waitFor(predicate: () => boolean, what = 'condition') {
  for (let i = 0; i < 180; i++) {
    if (predicate()) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

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
