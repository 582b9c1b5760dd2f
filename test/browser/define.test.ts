/** Registration: a tag name another class already holds is left alone, and the console says so. */
import { expect } from '@open-wc/testing';

class ForeignCodeField extends HTMLElement {}

describe('element registration', () => {
  it('warns, naming both classes, when another class holds one of our tag names', async () => {
    customElements.define('motp-input', ForeignCodeField);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      await import('../../src/motp-input/define.js');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('motp-input')).to.equal(ForeignCodeField);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('<motp-input>').and.include('ForeignCodeField').and.include('MotpInput');
  });

  it('says nothing when the bundle is loaded twice (the same class)', async () => {
    const { define } = await import('../../src/internal/define.js');
    class Ours extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      define('idv-twice', Ours);
      define('idv-twice', Ours);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('idv-twice')).to.equal(Ours);
    expect(warnings).to.deep.equal([]);
  });
});
