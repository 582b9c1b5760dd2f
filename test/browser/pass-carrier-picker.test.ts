import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { PassCarrierPicker } from '../../src/pass-carrier-picker/define.js';
import { CARRIERS, type Carrier } from '../../src/protocol/constants.js';

const group = (el: PassCarrierPicker) => el.shadowRoot!.querySelector<HTMLElement>('[role=radiogroup]')!;
const options = (el: PassCarrierPicker) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=radio]')];
const option = (el: PassCarrierPicker, carrier: Carrier) => options(el)[CARRIERS.indexOf(carrier)];
const focused = (el: PassCarrierPicker) => el.shadowRoot!.activeElement as HTMLElement | null;
const checked = (el: PassCarrierPicker) => options(el).map((o) => o.getAttribute('aria-checked'));
const helpBox = (el: PassCarrierPicker) => el.shadowRoot!.querySelector<HTMLElement>('[part=help]')!;
const link = (el: PassCarrierPicker) => el.shadowRoot!.querySelector('a');

/** Records the events of the given types that reach `target`. */
function record(target: EventTarget, ...types: string[]) {
  const seen: Event[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event));
  return seen;
}

/** Presses a key and waits for the element to render the result. */
async function press(el: PassCarrierPicker, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** Clicks the middle of a box with the real mouse. */
async function clickOn(target: Element) {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<pass-carrier-picker>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  describe('defaults and accessibility', () => {
    it('is accessible empty, with a selection, focused and disabled', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      await expect(el).to.be.accessible();
      el.value = 'KT_MVNO';
      el.focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.disabled = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('shows the six carriers in the manual order, with their Korean names', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      expect(options(el).map((o) => o.textContent!.trim())).to.deep.equal([
        'SKT',
        'KT',
        'LG U+',
        'SKT 알뜰폰',
        'KT 알뜰폰',
        'LG U+ 알뜰폰',
      ]);
      expect(options(el).map((o) => o.dataset.carrier)).to.deep.equal([...CARRIERS]);
      expect(checked(el)).to.deep.equal(['false', 'false', 'false', 'false', 'false', 'false']);
      expect(el.value).to.equal('');
    });

    it('names the group in Korean by default, or by the label property', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      expect(group(el).getAttribute('aria-label')).to.equal('통신사 선택');
      el.label = 'Mobile carrier';
      await el.updateComplete;
      expect(group(el).getAttribute('aria-label')).to.equal('Mobile carrier');
    });

    it('takes other option names from the carrierLabels property or carrier-labels attribute', async () => {
      const el = await fixture<PassCarrierPicker>(
        html`<pass-carrier-picker carrier-labels='{"LGU":"LG Uplus"}'></pass-carrier-picker>`,
      );
      expect(option(el, 'LGU').textContent!.trim()).to.equal('LG Uplus');
      el.carrierLabels = { SKT_MVNO: 'SKT MVNO' };
      await el.updateComplete;
      expect(option(el, 'LGU').textContent!.trim()).to.equal('LG U+');
      expect(option(el, 'SKT_MVNO').textContent!.trim()).to.equal('SKT MVNO');
    });

    it('marks the checked option with aria-checked and the option-checked part', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker value="LGU"></pass-carrier-picker>`);
      expect(el.value).to.equal('LGU');
      expect(checked(el)).to.deep.equal(['false', 'false', 'true', 'false', 'false', 'false']);
      expect(options(el).map((o) => o.part.contains('option-checked'))).to.deep.equal([
        false,
        false,
        true,
        false,
        false,
        false,
      ]);
      expect(options(el).every((o) => o.part.contains('option'))).to.be.true;
    });

    it('ignores a value that is not a carrier code', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker value="KT"></pass-carrier-picker>`);
      el.value = 'LG' as Carrier;
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(checked(el)).to.not.include('true');
    });

    it('focus() lands on the checked option, or the first when none is', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      el.focus();
      expect(document.activeElement).to.equal(el);
      expect(focused(el)).to.equal(option(el, 'SKT'));
      el.value = 'KT_MVNO';
      await el.updateComplete;
      el.blur();
      el.focus();
      expect(focused(el)).to.equal(option(el, 'KT_MVNO'));
    });
  });

  describe('keyboard', () => {
    it('is exactly one tab stop: the first option when none is checked, else the checked one', async () => {
      const root = await fixture<HTMLElement>(html`
        <div>
          <button>before</button>
          <pass-carrier-picker></pass-carrier-picker>
          <button>after</button>
        </div>
      `);
      const el = root.querySelector('pass-carrier-picker')!;
      const [before, after] = root.querySelectorAll('button');
      const tabbable = () => options(el).filter((o) => o.tabIndex === 0);
      expect(tabbable()).to.deep.equal([option(el, 'SKT')]);

      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(focused(el)).to.equal(option(el, 'SKT'));
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(after);

      el.value = 'LGU_MVNO';
      await el.updateComplete;
      expect(tabbable()).to.deep.equal([option(el, 'LGU_MVNO')]);
      await sendKeys({ press: 'Shift+Tab' });
      expect(focused(el)).to.equal(option(el, 'LGU_MVNO'));
      await sendKeys({ press: 'Shift+Tab' });
      expect(document.activeElement).to.equal(before);
    });

    it('arrows, Home and End move and select, wrapping at the ends, with a change each time', async () => {
      const root = await fixture<HTMLElement>(html`
        <div>
          <button>before</button>
          <pass-carrier-picker value="SKT"></pass-carrier-picker>
        </div>
      `);
      const el = root.querySelector('pass-carrier-picker')!;
      const seen = record(el, 'change');
      root.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(option(el, 'SKT'));

      const steps: [string, Carrier][] = [
        ['ArrowRight', 'KT'],
        ['ArrowDown', 'LGU'],
        ['ArrowLeft', 'KT'],
        ['End', 'LGU_MVNO'],
        ['ArrowRight', 'SKT'],
        ['ArrowLeft', 'LGU_MVNO'],
        ['ArrowUp', 'KT_MVNO'],
        ['Home', 'SKT'],
        ['ArrowUp', 'LGU_MVNO'],
        ['ArrowDown', 'SKT'],
      ];
      for (const [i, [key, expected]] of steps.entries()) {
        await press(el, key);
        expect(el.value, key).to.equal(expected);
        expect(focused(el), key).to.equal(option(el, expected));
        expect(option(el, expected).getAttribute('aria-checked'), key).to.equal('true');
        expect(option(el, expected).tabIndex, key).to.equal(0);
        expect(seen, key).to.have.length(i + 1);
      }
      // Each `change` fires after the value moved on, so the listener can read it.
      const change = oneEvent(el, 'change');
      await press(el, 'ArrowRight');
      const event = await change;
      expect(event.target).to.equal(el);
      expect((event.target as PassCarrierPicker).value).to.equal('KT');
    });

    it('Space selects the focused option', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      const seen = record(el, 'input', 'change');
      el.focus();
      expect(el.value).to.equal('');
      await press(el, ' ');
      expect(el.value).to.equal('SKT');
      expect(option(el, 'SKT').getAttribute('aria-checked')).to.equal('true');
      expect(seen.map((e) => e.type)).to.deep.equal(['input', 'change']);
      await press(el, ' ');
      expect(seen, 'nothing new when the option is already checked').to.have.length(2);
    });

    it('does not scroll the page or the browser history on its keys, and leaves modified arrows alone', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker value="KT"></pass-carrier-picker>`);
      const keydowns = record(el, 'keydown');
      el.focus();
      await press(el, 'ArrowDown');
      await press(el, ' ');
      expect(keydowns.every((e) => e.defaultPrevented)).to.be.true;
      await press(el, 'Alt+ArrowLeft');
      expect(el.value).to.equal('LGU');
      expect(keydowns[2].defaultPrevented).to.be.false;
    });
  });

  describe('events', () => {
    it('fires composed input then change, on the host, when the learner picks a carrier', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      const seen = record(document, 'input', 'change');
      await clickOn(option(el, 'KT_MVNO'));
      expect(seen.map((e) => e.type)).to.deep.equal(['input', 'change']);
      for (const event of seen) {
        expect(event.bubbles && event.composed).to.be.true;
        expect(event.target).to.equal(el);
      }
    });

    it('fires nothing when value is set by script, nor when reset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><pass-carrier-picker></pass-carrier-picker></form>`);
      const el = form.querySelector('pass-carrier-picker')!;
      const seen = record(el, 'input', 'change');
      el.value = 'KT';
      await el.updateComplete;
      el.focus();
      el.value = 'LGU';
      form.reset();
      await el.updateComplete;
      expect(seen).to.have.length(0);
    });
  });

  describe('pointer', () => {
    it('a click checks and focuses the option; a second click changes nothing', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      const seen = record(el, 'change');
      await clickOn(option(el, 'LGU_MVNO'));
      await el.updateComplete;
      expect(el.value).to.equal('LGU_MVNO');
      expect(focused(el)).to.equal(option(el, 'LGU_MVNO'));
      expect(checked(el)).to.deep.equal(['false', 'false', 'false', 'false', 'false', 'true']);
      await clickOn(option(el, 'LGU_MVNO'));
      expect(seen).to.have.length(1);
      await clickOn(option(el, 'SKT'));
      expect(el.value).to.equal('SKT');
      expect(seen).to.have.length(2);
    });
  });

  describe('in a form', () => {
    it('submits the carrier code under its name, and nothing while none is checked', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><pass-carrier-picker name="carrier"></pass-carrier-picker></form>`,
      );
      const el = form.querySelector('pass-carrier-picker')!;
      expect(el.form).to.equal(form);
      expect(new FormData(form).has('carrier')).to.be.false;
      await clickOn(option(el, 'SKT_MVNO'));
      expect(new FormData(form).get('carrier')).to.equal('SKT_MVNO');
      // Straight after a script sets it, without waiting for a render.
      el.value = 'LGU';
      expect(new FormData(form).get('carrier')).to.equal('LGU');
    });

    it('validates required with a Korean message', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><pass-carrier-picker name="carrier" required></pass-carrier-picker></form>`,
      );
      const el = form.querySelector('pass-carrier-picker')!;
      const invalid = record(el, 'invalid');
      expect(form.checkValidity()).to.be.false;
      expect(el.checkValidity()).to.be.false;
      expect(el.reportValidity()).to.be.false;
      expect(invalid).to.have.length(3);
      expect(el.validity.valueMissing).to.be.true;
      expect(el.validationMessage).to.equal('통신사를 선택해 주세요.');
      expect(el.willValidate).to.be.true;
      expect(group(el).getAttribute('aria-required')).to.equal('true');
      el.focus();
      await press(el, ' ');
      expect(form.checkValidity()).to.be.true;
      expect(el.validity.valid).to.be.true;
      expect(el.validationMessage).to.equal('');
    });

    it('takes a custom validation message', async () => {
      const el = await fixture<PassCarrierPicker>(
        html`<pass-carrier-picker required validation-message-text="Choose your carrier."></pass-carrier-picker>`,
      );
      expect(el.validationMessage).to.equal('Choose your carrier.');
    });

    it('is cleared by form.reset(), back to its value attribute if any', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <pass-carrier-picker name="a"></pass-carrier-picker>
        <pass-carrier-picker name="b" value="KT"></pass-carrier-picker>
      </form>`);
      const [a, b] = form.querySelectorAll('pass-carrier-picker');
      await clickOn(option(a, 'KT_MVNO'));
      await clickOn(option(b, 'LGU'));
      expect(new FormData(form).get('a')).to.equal('KT_MVNO');
      form.reset();
      await a.updateComplete;
      await b.updateComplete;
      expect(a.value).to.equal('');
      expect(checked(a)).to.not.include('true');
      expect(new FormData(form).has('a')).to.be.false;
      expect(b.value).to.equal('KT');
      expect(option(b, 'KT').getAttribute('aria-checked')).to.equal('true');
    });

    it('when disabled, is not submitted, not validated, out of the tab order and deaf to clicks', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <button type="button">before</button>
        <pass-carrier-picker name="carrier" value="KT" disabled required></pass-carrier-picker>
        <button type="button">after</button>
      </form>`);
      const el = form.querySelector('pass-carrier-picker')!;
      const [before, after] = form.querySelectorAll('button');
      expect(new FormData(form).has('carrier')).to.be.false;
      el.value = '';
      expect(form.checkValidity()).to.be.true;
      expect(options(el).every((o) => !o.hasAttribute('tabindex'))).to.be.true;
      expect(group(el).getAttribute('aria-disabled')).to.equal('true');
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(after);
      await clickOn(option(el, 'SKT'));
      expect(el.value).to.equal('');

      el.disabled = false;
      await el.updateComplete;
      await clickOn(option(el, 'SKT'));
      expect(new FormData(form).get('carrier')).to.equal('SKT');
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(option(el, 'SKT'));
    });

    it('follows a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <fieldset disabled><pass-carrier-picker name="carrier" value="LGU"></pass-carrier-picker></fieldset>
      </form>`);
      const el = form.querySelector('pass-carrier-picker')!;
      await el.updateComplete;
      expect(new FormData(form).has('carrier')).to.be.false;
      expect(options(el).some((o) => o.hasAttribute('tabindex'))).to.be.false;
      form.querySelector('fieldset')!.disabled = false;
      await el.updateComplete;
      expect(option(el, 'LGU').tabIndex).to.equal(0);
      expect(new FormData(form).get('carrier')).to.equal('LGU');
    });

    it('submits the form on Enter, as a native radio does', async () => {
      let submitted: FormData | undefined;
      const form = await fixture<HTMLFormElement>(html`<form
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          submitted = new FormData(event.target as HTMLFormElement);
        }}
      >
        <pass-carrier-picker name="carrier"></pass-carrier-picker>
      </form>`);
      const el = form.querySelector('pass-carrier-picker')!;
      el.focus();
      await press(el, 'ArrowRight');
      const submit = oneEvent(form, 'submit');
      await sendKeys({ press: 'Enter' });
      await submit;
      expect(submitted!.get('carrier')).to.equal('KT');
    });
  });

  describe('알뜰폰 사업자 확인', () => {
    it('shows nothing without mvno-help-url or slotted help', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      expect(link(el)).to.be.null;
      expect(getComputedStyle(helpBox(el)).display).to.equal('none');
    });

    it('links the institution page in a new tab, with rel=noopener', async () => {
      const el = await fixture<PassCarrierPicker>(
        html`<pass-carrier-picker mvno-help-url="https://lms.example/mvno"></pass-carrier-picker>`,
      );
      const a = link(el)!;
      expect(a.textContent!.trim()).to.equal('알뜰폰 사업자 확인');
      expect(a.getAttribute('href')).to.equal('https://lms.example/mvno');
      expect(a.target).to.equal('_blank');
      expect(a.relList.contains('noopener')).to.be.true;
      expect(getComputedStyle(helpBox(el)).display).to.not.equal('none');
      el.mvnoHelpText = 'Which network is my MVNO on?';
      await el.updateComplete;
      expect(a.textContent!.trim()).to.equal('Which network is my MVNO on?');
      el.mvnoHelpUrl = '';
      await el.updateComplete;
      expect(link(el)).to.be.null;
      expect(getComputedStyle(helpBox(el)).display).to.equal('none');
    });

    it('shows text slotted into mvno-help', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker>
        <p slot="mvno-help">알뜰폰 이용자는 요금 고지서의 통신망을 선택하세요.</p>
      </pass-carrier-picker>`);
      await el.updateComplete;
      const text = el.querySelector('p')!;
      expect(getComputedStyle(helpBox(el)).display).to.not.equal('none');
      expect(text.assignedSlot!.name).to.equal('mvno-help');
      expect(helpBox(el).contains(text.assignedSlot)).to.be.true;
      expect(text.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(link(el)).to.be.null;
      await expect(el).to.be.accessible();
    });
  });

  describe('drawing', () => {
    const rects = (el: PassCarrierPicker) => options(el).map((o) => o.getBoundingClientRect());
    const rows = (el: PassCarrierPicker) => new Set(rects(el).map((r) => Math.round(r.top))).size;

    it('lays the options out 3×2 in a wide container, with 44px targets', async () => {
      const el = await fixture<PassCarrierPicker>(html`<div style="width: 480px"><pass-carrier-picker></pass-carrier-picker></div>`).then(
        (div) => div.querySelector('pass-carrier-picker')!,
      );
      const r = rects(el);
      expect(rows(el)).to.equal(2);
      expect(r[1].left).to.be.greaterThan(r[0].right);
      expect(r[2].left).to.be.greaterThan(r[1].right);
      expect(Math.round(r[3].top)).to.be.greaterThan(Math.round(r[0].bottom) - 1);
      expect(Math.round(r[3].left)).to.equal(Math.round(r[0].left));
      for (const box of r) expect(box.height).to.be.at.least(44);
    });

    it('falls back to 2 columns in a narrow container, and follows --idv-carrier-columns', async () => {
      const div = await fixture<HTMLElement>(html`<div style="width: 240px"><pass-carrier-picker></pass-carrier-picker></div>`);
      const el = div.querySelector('pass-carrier-picker')!;
      expect(rows(el)).to.equal(3);
      expect(Math.round(rects(el)[2].left)).to.equal(Math.round(rects(el)[0].left));
      el.style.setProperty('--idv-carrier-columns', '1');
      expect(rows(el)).to.equal(6);
      div.style.width = '600px';
      el.style.setProperty('--idv-carrier-columns', '6');
      expect(rows(el)).to.equal(1);
    });

    it('marks the checked option by more than colour: thicker border and a check mark', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker value="KT"></pass-carrier-picker>`);
      const plain = getComputedStyle(option(el, 'SKT'));
      const marked = getComputedStyle(option(el, 'KT'));
      expect(parseFloat(marked.borderTopWidth)).to.be.greaterThan(parseFloat(plain.borderTopWidth));
      expect(getComputedStyle(option(el, 'KT'), '::before').content).to.contain('✓');
      expect(getComputedStyle(option(el, 'SKT'), '::before').content).to.equal('none');
    });

    it('draws a visible focus outline on the focused option', async () => {
      const el = await fixture<PassCarrierPicker>(html`<pass-carrier-picker></pass-carrier-picker>`);
      el.focus();
      await press(el, 'ArrowRight');
      const style = getComputedStyle(option(el, 'KT'));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });
});
