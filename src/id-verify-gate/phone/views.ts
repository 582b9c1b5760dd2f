/** How the gate draws each phone screen: one row per screen of the flow's `PHONE_STEPS`. */
import { html, type TemplateResult } from 'lit';
import type { PhoneStep } from '../gate-flow.js';
import type { PhoneFlow } from '../phone-flow.js';

/** What the gate hands every phone screen. */
export interface PhoneViewProps {
  /** The phone path so far. */
  flow: Partial<PhoneFlow>;
  /** The mobile layout applies. */
  mobile: boolean;
  /** The institution's "알뜰폰 사업자 확인" page, for the carrier screen. */
  mvnoHelpUrl: string;
}

/** The element of each phone screen. The gate finds the shown screen by its `step` class. */
export const PHONE_VIEWS: Readonly<Record<PhoneStep, (props: PhoneViewProps) => TemplateResult>> = {
  'phone-intro': ({ flow, mobile }) => html`<idv-phone-intro-step class="step" .flow=${flow} ?mobile=${mobile}></idv-phone-intro-step>`,
  'phone-method': ({ flow, mobile, mvnoHelpUrl }) =>
    html`<idv-phone-method-step class="step" .flow=${flow} ?mobile=${mobile} mvno-help-url=${mvnoHelpUrl}></idv-phone-method-step>`,
  'phone-identity': ({ flow, mobile }) =>
    html`<idv-phone-identity-step class="step" .flow=${flow} ?mobile=${mobile}></idv-phone-identity-step>`,
  'phone-wait': ({ flow, mobile }) => html`<idv-phone-wait-step class="step" .flow=${flow} ?mobile=${mobile}></idv-phone-wait-step>`,
  'phone-sms': ({ flow, mobile }) => html`<idv-phone-sms-step class="step" .flow=${flow} ?mobile=${mobile}></idv-phone-sms-step>`,
  // In a chunk of its own, which only servers with a provider window (NICE) need: the element
  // upgrades (keeping the properties set before) once it has loaded.
  'phone-window': ({ flow, mobile }) => {
    void import('../window/define.js');
    return html`<idv-phone-window-step class="step" .flow=${flow} ?mobile=${mobile}></idv-phone-window-step>`;
  },
};
