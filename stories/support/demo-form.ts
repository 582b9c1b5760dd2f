/** A plain `<form>` around a form control, showing what it submits: the controls' form stories. */
import { html, type TemplateResult } from 'lit';
import { controlStrings } from './globals.js';

/** Writes the form's submitted entries into its `<output>` instead of leaving the page. */
function showSubmitted(event: SubmitEvent) {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  form.querySelector('output')!.value = JSON.stringify(Object.fromEntries(new FormData(form)));
}

/** `control` in a form with a submit button labelled `submit`, a reset button and the output, in `lang`. */
export function demoForm(lang: string, control: TemplateResult, submit: string): TemplateResult {
  const s = controlStrings(lang);
  return html`<form @submit=${showSubmitted}>
    ${control}
    <p>
      <button type="submit">${submit}</button>
      <button type="reset">${s.reset}</button>
    </p>
    <p>${s.submitted}: <output>—</output></p>
  </form>`;
}
