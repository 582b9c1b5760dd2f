/** Korean text wraps between words, never inside one, in all three elements (390 px phones). */
import { expect, fixture, html } from '@open-wc/testing';
import type { IdVerifyGate } from '../../src/id-verify-gate/id-verify-gate.js';
import { createBackend, renderGate } from './gate-fixture.js';
import '../../src/pass-carrier-picker/define.js';

/**
 * Words whose letters land on more than one line, under `root`. A word runs between spaces;
 * an opening parenthesis starts a new one (a line may break before it).
 */
function splitWords(root: ShadowRoot | Element): string[] {
  const split: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[^\s(]+|\([^\s(]*/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
    for (const child of node.childNodes) walk(child);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(root);
  return split;
}

describe('Korean line breaking', () => {
  it('<pass-carrier-picker> in a 390 px phone column keeps "알뜰폰" whole', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 340px"><pass-carrier-picker></pass-carrier-picker></div>`);
    const picker = box.querySelector('pass-carrier-picker')!;
    await picker.updateComplete;
    expect(picker.shadowRoot!.textContent).to.include('알뜰폰');
    expect(splitWords(picker.shadowRoot!)).to.deep.equal([]);
  });

  it('<id-verify-gate> at 390 px: no word of the consent screen or the carrier screen splits', async () => {
    const { client } = await createBackend();
    const box = await fixture<HTMLDivElement>(html`<div style="width: 390px"></div>`);
    const gate = await renderGate(client);
    box.append(gate);
    gate.layout = 'desktop'; // the desktop screens in a narrow column: the tightest case
    await gate.updateComplete;
    expect(splitWords(gate.shadowRoot!)).to.deep.equal([]);
    const { openPhone } = await import('../../src/dev/gate-driver.js');
    await openPhone(gate as IdVerifyGate);
    expect(splitWords(gate.shadowRoot!)).to.deep.equal([]);
  });
});
