/** Renders a structured consent notice (the seed manual's text by default). */
import { html } from 'lit';
import type { Notice } from '../../i18n/index.js';

/** The notice as headings, paragraphs and lists. */
export function renderNotice(notice: Notice) {
  return html`
    ${notice.intro.map((text) => html`<p>${text}</p>`)}
    ${notice.sections.map(
      (section) => html`<p class="notice-heading">${section.heading}</p>
        <ul>
          ${section.items.map((item) => html`<li>${item}</li>`)}
        </ul>`,
    )}
    <p><strong>${notice.warning}</strong></p>
    <p>${notice.instruction}</p>
  `;
}
