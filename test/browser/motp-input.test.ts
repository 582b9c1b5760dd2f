import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { MotpCompleteEvent, MotpInput } from '../../src/motp-input/define.js';

const inner = (el: MotpInput) => el.shadowRoot!.querySelector('input')!;
const slots = (el: MotpInput) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=slot]')];
const shown = (el: MotpInput) => slots(el).map((slot) => slot.textContent!.trim()).join('');

/**
 * Inserts text at the inner input's caret the way a paste or an autofill does: through the
 * editing pipeline, with real `beforeinput`/`input` events (a synthetic `paste` event inserts nothing).
 */
async function insert(el: MotpInput, text: string) {
  if (el.shadowRoot!.activeElement !== inner(el)) inner(el).focus();
  document.execCommand('insertText', false, text);
  await el.updateComplete;
}

/** Records the events of the given types that reach `target`. */
function record(target: EventTarget, ...types: string[]) {
  const seen: Event[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event));
  return seen;
}

describe('<motp-input>', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('defaults and accessibility', () => {
    it('is accessible empty, filled, focused and invalid', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      await expect(el).to.be.accessible();
      el.value = '123';
      el.invalid = true;
      el.focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('renders exactly one native code input and six hidden boxes', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(1);
      const input = inner(el);
      expect(input.type).to.equal('text');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.getAttribute('enterkeyhint')).to.equal('done');
      // maxlength would cut a pasted code with separators before it is cleaned.
      expect(input.hasAttribute('maxlength')).to.be.false;
      expect(slots(el)).to.have.length(6);
      expect(slots(el)[0].closest('[aria-hidden=true]')).to.exist;
      expect(el.value).to.equal('');
      expect(el.length).to.equal(6);
    });

    it('names the input in Korean by default, or by the label property', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      expect(inner(el).getAttribute('aria-label')).to.equal('인증번호');
      el.label = 'mOTP code';
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-label')).to.equal('mOTP code');
    });

    it('sets aria-invalid only while invalid', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      expect(inner(el).getAttribute('aria-invalid')).to.equal('false');
      el.invalid = true;
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-invalid')).to.equal('true');
      expect(el.hasAttribute('invalid')).to.be.true;
    });

    it('delegates focus() to the inner input', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.focus();
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    });

    it('honours the length property', async () => {
      const el = await fixture<MotpInput>(html`<motp-input length="4"></motp-input>`);
      expect(slots(el)).to.have.length(4);
      await insert(el, '123456');
      expect(el.value).to.equal('1234');
    });
  });

  describe('cleaning what is pasted, typed or set', () => {
    for (const [pasted, expected] of [
      ['１２３ ４５６', '123456'],
      ['１２３４５６', '123456'],
      ['123-456', '123456'],
      ['123 456', '123456'],
      [' 12 34 56 ', '123456'],
    ]) {
      it(`pasting ${JSON.stringify(pasted)} fills ${expected}`, async () => {
        const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
        await insert(el, pasted);
        expect(el.value).to.equal(expected);
        expect(inner(el).value).to.equal(expected);
        expect(shown(el)).to.equal(expected);
      });
    }

    it('a paste over a selected old code replaces it', async () => {
      const el = await fixture<MotpInput>(html`<motp-input value="111111"></motp-input>`);
      inner(el).focus();
      el.select();
      await insert(el, '654 321');
      expect(el.value).to.equal('654321');
    });

    it('drops typed letters and a seventh digit', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.focus();
      await sendKeys({ type: 'a1b2c3' });
      await el.updateComplete;
      expect(el.value).to.equal('123');
      expect(inner(el).value).to.equal('123');
      await sendKeys({ type: '4567' });
      await el.updateComplete;
      expect(el.value).to.equal('123456');
      expect(inner(el).value).to.equal('123456');
    });

    it('keeps the caret after the digits it followed when separators are dropped', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.focus();
      await sendKeys({ type: '1256' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await insert(el, '3-4');
      expect(el.value).to.equal('123456');
      expect(inner(el).selectionStart).to.equal(4);
      expect(inner(el).selectionEnd).to.equal(4);
      await insert(el, 'x');
      expect(el.value).to.equal('123456');
      expect(inner(el).selectionStart).to.equal(4);
    });

    it('cleans a value set by script', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.value = '１２-34ab5678';
      expect(el.value).to.equal('123456');
      await el.updateComplete;
      expect(inner(el).value).to.equal('123456');
      expect(shown(el)).to.equal('123456');
    });

    it('clicking a box selects its digit so that typing replaces it', async () => {
      const el = await fixture<MotpInput>(html`<motp-input value="123456"></motp-input>`);
      const box = slots(el)[2].getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await el.updateComplete;
      expect(inner(el).selectionStart).to.equal(2);
      expect(inner(el).selectionEnd).to.equal(3);
      expect(slots(el)[2].part.contains('slot-active')).to.be.true;
      await sendKeys({ type: 'x' });
      await el.updateComplete;
      expect(el.value, 'a letter leaves the selected digit alone').to.equal('123456');
      await sendKeys({ type: '9' });
      await el.updateComplete;
      expect(el.value).to.equal('129456');
    });
  });

  describe('events', () => {
    it('fires one composed input event per change and none for a refused character', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      const seen = record(el, 'input');
      el.focus();
      await sendKeys({ type: '1' });
      await sendKeys({ type: 'x' });
      await sendKeys({ type: '2' });
      expect(seen).to.have.length(2);
      expect(seen[0].bubbles && seen[0].composed).to.be.true;
      expect(seen[0].target).to.equal(el);
    });

    it('fires motp-complete once, with the value, when the last digit is typed', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      const seen = record(el, 'motp-complete', 'change');
      el.focus();
      await sendKeys({ type: '12345' });
      expect(seen).to.have.length(0);
      const complete = oneEvent<MotpCompleteEvent>(el, 'motp-complete');
      await sendKeys({ type: '6' });
      const event = await complete;
      expect(event).to.be.instanceOf(MotpCompleteEvent);
      expect(event.value).to.equal('123456');
      expect(event.bubbles && event.composed).to.be.true;
      await sendKeys({ type: '7' });
      expect(seen.map((e) => e.type)).to.deep.equal(['change', 'motp-complete']);
    });

    it('fires nothing when value is set by script', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      const seen = record(el, 'motp-complete', 'input', 'change');
      el.value = '123456';
      await el.updateComplete;
      el.focus();
      el.value = '';
      el.blur();
      await el.updateComplete;
      expect(seen).to.have.length(0);
    });

    it('fires change when the learner leaves a changed field', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input><button>next</button>`);
      const seen = record(el, 'change');
      el.focus();
      await sendKeys({ type: '12' });
      expect(seen).to.have.length(0);
      await sendKeys({ press: 'Tab' });
      expect(seen).to.have.length(1);
      el.focus();
      await sendKeys({ press: 'Tab' });
      expect(seen).to.have.length(1);
    });
  });

  describe('in a form', () => {
    const submitted: FormData[] = [];
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      submitted.push(new FormData(event.target as HTMLFormElement));
    };
    beforeEach(() => {
      submitted.length = 0;
    });

    it('submits the digits under its name', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><motp-input name="otp"></motp-input></form>`);
      const el = form.querySelector('motp-input')!;
      expect(el.form).to.equal(form);
      await insert(el, '１２３ ４５６');
      expect(new FormData(form).get('otp')).to.equal('123456');
      // Straight after a script sets it, without waiting for a render.
      el.value = '654321';
      expect(new FormData(form).get('otp')).to.equal('654321');
    });

    it('submits the form on Enter', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${onSubmit}><motp-input name="otp"></motp-input></form>`,
      );
      const el = form.querySelector('motp-input')!;
      el.focus();
      await sendKeys({ type: '123456' });
      const submit = oneEvent(form, 'submit');
      await sendKeys({ press: 'Enter' });
      await submit;
      expect(submitted).to.have.length(1);
      expect(submitted[0].get('otp')).to.equal('123456');
    });

    it('validates required and partial codes, with a Korean message', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><motp-input name="otp" required></motp-input></form>`);
      const el = form.querySelector('motp-input')!;
      expect(form.checkValidity()).to.be.false;
      expect(el.validity.valueMissing).to.be.true;
      expect(el.validationMessage).to.equal('인증번호 6자리를 입력해 주세요.');
      el.value = '123';
      expect(form.checkValidity()).to.be.false;
      expect(el.validity.tooShort).to.be.true;
      expect(el.checkValidity()).to.be.false;
      el.value = '123456';
      expect(form.checkValidity()).to.be.true;
      expect(el.validity.valid).to.be.true;
      expect(el.validationMessage).to.equal('');
    });

    it('takes a custom validation message', async () => {
      const el = await fixture<MotpInput>(
        html`<motp-input required validation-message-text="Enter the 6-digit code."></motp-input>`,
      );
      expect(el.validationMessage).to.equal('Enter the 6-digit code.');
    });

    it('does not submit an incomplete code on Enter', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${onSubmit}><motp-input name="otp" required></motp-input></form>`,
      );
      const el = form.querySelector('motp-input')!;
      const invalid = record(el, 'invalid');
      el.focus();
      await sendKeys({ type: '123' });
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.have.length(0);
      expect(invalid).to.have.length(1);
    });

    it('is cleared by form.reset(), back to its value attribute if any', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><motp-input name="a"></motp-input><motp-input name="b" value="111111"></motp-input></form>`,
      );
      const [a, b] = form.querySelectorAll('motp-input');
      await insert(a, '123456');
      await insert(b, '2');
      b.value = '222222';
      form.reset();
      await a.updateComplete;
      await b.updateComplete;
      expect(a.value).to.equal('');
      expect(inner(a).value).to.equal('');
      expect(shown(a)).to.equal('');
      expect(b.value).to.equal('111111');
      expect(new FormData(form).get('a')).to.equal('');
    });

    it('when disabled, disables the inner input and is not submitted', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><motp-input name="otp" value="123456" disabled required></motp-input></form>`,
      );
      const el = form.querySelector('motp-input')!;
      expect(inner(el).disabled).to.be.true;
      expect(new FormData(form).has('otp')).to.be.false;
      expect(form.checkValidity()).to.be.true;
      el.disabled = false;
      await el.updateComplete;
      expect(inner(el).disabled).to.be.false;
      expect(new FormData(form).get('otp')).to.equal('123456');
    });

    it('follows a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><fieldset disabled><motp-input name="otp" value="123456"></motp-input></fieldset></form>`,
      );
      const el = form.querySelector('motp-input')!;
      await el.updateComplete;
      expect(inner(el).disabled).to.be.true;
      expect(new FormData(form).has('otp')).to.be.false;
      form.querySelector('fieldset')!.disabled = false;
      await el.updateComplete;
      expect(inner(el).disabled).to.be.false;
    });

    it('readonly refuses typing but is submitted', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><motp-input name="otp" value="123" readonly required></motp-input></form>`,
      );
      const el = form.querySelector('motp-input')!;
      el.focus();
      await sendKeys({ type: '456' });
      expect(el.value).to.equal('123');
      expect(new FormData(form).get('otp')).to.equal('123');
      expect(el.willValidate).to.be.false;
    });

    it('completes by keyboard alone: Tab in, type, Backspace, Enter submits', async () => {
      const form = await fixture<HTMLFormElement>(html`
        <form @submit=${onSubmit}>
          <button type="button">before</button>
          <motp-input name="otp" required></motp-input>
        </form>
      `);
      const el = form.querySelector('motp-input')!;
      form.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(inner(el));
      await sendKeys({ type: '123457' });
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(el.value).to.equal('12345');
      expect(shown(el)).to.equal('12345');
      await sendKeys({ type: '6' });
      const submit = oneEvent(form, 'submit');
      await sendKeys({ press: 'Enter' });
      await submit;
      expect(submitted[0].get('otp')).to.equal('123456');
    });
  });

  describe('drawing', () => {
    it('lays the boxes out in a row under an input that covers them all', async () => {
      const el = await fixture<MotpInput>(html`<motp-input value="123456"></motp-input>`);
      const boxes = slots(el).map((slot) => slot.getBoundingClientRect());
      for (const [i, box] of boxes.entries()) {
        // Comfortably above the 24px minimum target size (WCAG 2.5.8).
        expect(box.width).to.be.at.least(40);
        expect(box.height).to.be.at.least(40);
        if (i > 0) expect(box.left).to.be.greaterThan(boxes[i - 1].right);
      }
      const input = inner(el).getBoundingClientRect();
      expect(input.left).to.be.at.most(boxes[0].left);
      expect(input.right).to.be.at.least(boxes[5].right);
      expect(input.top).to.be.at.most(boxes[0].top);
      expect(input.bottom).to.be.at.least(boxes[0].bottom);
      // Whatever point of a box is hit, the real input receives it.
      const last = boxes[5];
      expect(el.shadowRoot!.elementFromPoint(last.right - 2, last.bottom - 2)).to.equal(inner(el));
      expect(getComputedStyle(inner(el)).color).to.equal('rgba(0, 0, 0, 0)');
    });

    it('draws the error style while invalid', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      const before = getComputedStyle(slots(el)[0]).borderTopColor;
      el.invalid = true;
      await el.updateComplete;
      expect(getComputedStyle(slots(el)[0]).borderTopColor).to.not.equal(before);
    });

    it('marks the box at the caret while focused, and none when blurred', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.focus();
      await sendKeys({ type: '12' });
      await el.updateComplete;
      const active = () => slots(el).map((slot) => slot.part.contains('slot-active'));
      expect(active()).to.deep.equal([false, false, true, false, false, false]);
      expect(slots(el)[2].querySelector('[part=caret]')).to.exist;
      el.blur();
      await el.updateComplete;
      expect(active()).to.deep.equal([false, false, false, false, false, false]);
    });

    it('stops the caret blinking when reduced motion is preferred', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.focus();
      await el.updateComplete;
      const caret = el.shadowRoot!.querySelector('[part=caret]')!;
      expect(getComputedStyle(caret).animationName).to.equal('blink');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(caret).animationName).to.equal('none');
    });

    it('draws the focus indicator as a visible outline', async () => {
      const el = await fixture<MotpInput>(html`<motp-input></motp-input>`);
      el.focus();
      await el.updateComplete;
      const style = getComputedStyle(slots(el)[0]);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });
});
