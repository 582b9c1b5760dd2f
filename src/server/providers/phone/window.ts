/**
 * The contract of a phone check run in the provider's own window (NICE 본인확인 통합형, KCB):
 * the provider draws every screen — carrier, PASS or SMS, consent, its own captcha — and posts
 * an encrypted result back to a URL of ours. The app owns what is around it: the single-use
 * request number bound to the learner, its 10-minute life, the pages that open the window and
 * receive the result, the match against the LMS account, and the token.
 *
 * A provider rejects with {@link ProviderUnavailableError} when it cannot open a window.
 */
import type { VerifiedIdentity } from './provider.js';
import { ProviderUnavailableError } from './provider.js';

// Re-exported so a window provider finds everything it implements against in this module.
export { ProviderUnavailableError };

/** What opens the provider's window: a form the browser posts to it. */
export interface WindowLaunch {
  /** The provider's window URL (the form's `action`). */
  action: string;
  /** The form's fields, posted as `application/x-www-form-urlencoded`. */
  fields: Record<string, string>;
  /**
   * What the app keeps (in its store, until the result arrives or the check ends) to read
   * the result: JSON data, e.g. the keys of this request's crypto token.
   */
  state: Record<string, string>;
}

/** A result the provider posted back, read and checked. */
export type WindowResult =
  | {
      /** The request number the result answers. */
      requestNo: string;
      /** The carrier verified someone. */
      verified: true;
      /** Who (compared by the app with the LMS account; never stored in clear). */
      identity: VerifiedIdentity;
      /** The provider's reference for reconciliation (NICE: `responseno`). */
      providerRef?: string;
    }
  | {
      /** The request number the result answers. */
      requestNo: string;
      /** The learner cancelled, or the carrier could not verify them. */
      verified: false;
      /** The provider's result code, for the audit trail. */
      providerCode: string;
    };

/** Runs phone checks in the provider's window. */
export interface PhoneWindowProvider {
  /** Always `['window']`: the only method such a provider offers. */
  readonly methods: readonly ['window'];
  /** The popup size the provider asks for, in CSS pixels. */
  readonly popup: { width: number; height: number };
  /** Prepares the form that opens the window for `requestNo`, whose result goes to `returnUrl`. */
  launch(input: { requestNo: string; returnUrl: string }): Promise<WindowLaunch>;
  /**
   * Reads what the provider posted to the return URL with the `state` of the launch it
   * answers; `null` when it is forged, damaged or not for that launch (nothing is trusted then).
   */
  readResult(posted: Record<string, string>, state: Record<string, string>): WindowResult | null;
}

/** True for a provider that runs the check in its own window. */
export const isWindowProvider = (provider: unknown): provider is PhoneWindowProvider =>
  typeof (provider as Partial<PhoneWindowProvider> | null)?.launch === 'function' &&
  typeof (provider as Partial<PhoneWindowProvider> | null)?.readResult === 'function';
