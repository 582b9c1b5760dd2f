/**
 * One suite for both form controls (`src/internal/form-control.ts`): each must take part in its
 * form as a native field does — value, reset, restore, disabled (by a fieldset too),
 * setCustomValidity, labels, required.
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { FormControlMembers } from '../../src/internal/form-control.js';
import '../../src/motp-input/define.js';
import '../../src/pass-carrier-picker/define.js';

type Control = HTMLElement & FormControlMembers & { updateComplete: Promise<unknown> };

const CONTROLS = [
  {
    tag: 'motp-input',
    value: '123456',
    other: '654321',
    /** The inner native control a learner reaches is disabled. */
    innerDisabled: (el: Control) => el.shadowRoot!.querySelector('input')!.disabled,
  },
  {
    tag: 'pass-carrier-picker',
    value: 'KT',
    other: 'LGU_MVNO',
    innerDisabled: (el: Control) => el.shadowRoot!.querySelector('[role=radiogroup]')!.getAttribute('aria-disabled') === 'true',
  },
];

for (const { tag, value, other, innerDisabled } of CONTROLS) {
  describe(`<${tag}> as a form control`, () => {
    async function inForm(inner: string) {
      const form = await fixture<HTMLFormElement>(`<form>${inner}</form>`);
      const el = form.querySelector<Control>(tag)!;
      await el.updateComplete;
      return { form, el };
    }

    it('submits its value under its name', async () => {
      const { form, el } = await inForm(`<${tag} name="f"></${tag}>`);
      el.value = value;
      expect(new FormData(form).get('f')).to.equal(value);
      expect(el.form).to.equal(form);
    });

    it('goes back to its value attribute on form.reset()', async () => {
      const { form, el } = await inForm(`<${tag} name="f" value="${value}"></${tag}>`);
      el.value = other;
      form.reset();
      expect(el.value).to.equal(value);
      expect(new FormData(form).get('f')).to.equal(value);
    });

    it('takes back a value the browser restores', async () => {
      const { form, el } = await inForm(`<${tag} name="f"></${tag}>`);
      (el as unknown as { formStateRestoreCallback(state: string): void }).formStateRestoreCallback(other);
      expect(el.value).to.equal(other);
      expect(new FormData(form).get('f')).to.equal(other);
    });

    it('is disabled by a disabled fieldset: not submitted, not validated, inner control off; and back', async () => {
      const { form, el } = await inForm(`<fieldset disabled><${tag} name="f" value="${value}" required></${tag}></fieldset>`);
      await el.updateComplete;
      expect(el.matches(':disabled')).to.be.true;
      expect(new FormData(form).has('f')).to.be.false;
      expect(el.willValidate).to.be.false;
      expect(innerDisabled(el)).to.be.true;
      form.querySelector('fieldset')!.disabled = false;
      await el.updateComplete;
      expect(new FormData(form).get('f')).to.equal(value);
      expect(el.willValidate).to.be.true;
      expect(innerDisabled(el)).to.be.false;
    });

    it('is disabled by its own disabled property the same way (the attribute)', async () => {
      const { form, el } = await inForm(`<${tag} name="f" value="${value}"></${tag}>`);
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.be.true;
      expect(new FormData(form).has('f')).to.be.false;
      expect(innerDisabled(el)).to.be.true;
    });

    it('setCustomValidity marks it invalid with that message; an empty one clears it', async () => {
      const { el } = await inForm(`<${tag} name="f" value="${value}"></${tag}>`);
      el.setCustomValidity('서버가 거절했습니다');
      expect(el.validity.customError).to.be.true;
      expect(el.validationMessage).to.equal('서버가 거절했습니다');
      expect(el.checkValidity()).to.be.false;
      el.value = other; // a new value keeps the custom error, as in a native field
      expect(el.validity.customError).to.be.true;
      el.setCustomValidity('');
      expect(el.validity.valid).to.be.true;
      expect(el.checkValidity()).to.be.true;
    });

    it('lists its <label> elements in labels (for= and wrapping)', async () => {
      const { form, el } = await inForm(`<label for="c">이름표</label><${tag} id="c"></${tag}>`);
      expect([...el.labels]).to.deep.equal([form.querySelector('label')]);
      const wrapped = await inForm(`<label>감싼 이름표 <${tag}></${tag}></label>`);
      expect([...wrapped.el.labels]).to.deep.equal([wrapped.form.querySelector('label')]);
    });

    it('required: empty is valueMissing and fires invalid; a value makes it valid', async () => {
      const { el } = await inForm(`<${tag} name="f" required></${tag}>`);
      expect(el.validity.valueMissing).to.be.true;
      expect(el.validationMessage).not.to.equal('');
      const invalid = oneEvent(el, 'invalid');
      expect(el.checkValidity()).to.be.false;
      await invalid;
      el.value = value;
      expect(el.validity.valid).to.be.true;
    });
  });
}
