/**
 * `id-verify/react`: the three elements as React components (`@lit/react`), with typed event
 * props. Importing this module defines the elements. `react` and `@lit/react` are optional
 * peer dependencies: a React app installs them, nobody else downloads them.
 *
 * Why wrappers at all: React 19 sets properties and listens to custom events on custom
 * elements, but only under the event's own name (`onid-verify-success`), which TypeScript
 * cannot check for spelling. Here the props are camel-cased and typed, and a misspelt one is a
 * type error.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { IdVerifyGate as IdVerifyGateElement } from '../id-verify-gate/id-verify-gate.js';
import { MotpInput as MotpInputElement } from '../motp-input/motp-input.js';
import { PassCarrierPicker as PassCarrierPickerElement } from '../pass-carrier-picker/pass-carrier-picker.js';
import type { MotpCompleteEvent } from '../motp-input/events.js';
import type { IdVerifyCancelEvent, IdVerifyFailureEvent, IdVerifySkipEvent, IdVerifySuccessEvent } from '../events.js';
import '../id-verify-gate/define.js';
import '../motp-input/define.js';
import '../pass-carrier-picker/define.js';

/** `<id-verify-gate>`: `onIdVerifySuccess` receives the token to send to your server. */
export const IdVerifyGate = createComponent({
  react: React,
  tagName: 'id-verify-gate',
  elementClass: IdVerifyGateElement,
  displayName: 'IdVerifyGate',
  events: {
    onIdVerifySuccess: 'id-verify-success' as EventName<IdVerifySuccessEvent>,
    onIdVerifyFailure: 'id-verify-failure' as EventName<IdVerifyFailureEvent>,
    onIdVerifyCancel: 'id-verify-cancel' as EventName<IdVerifyCancelEvent>,
    onIdVerifySkip: 'id-verify-skip' as EventName<IdVerifySkipEvent>,
  },
});

/** `<motp-input>`: `onMotpComplete` receives the whole code; `onInput` / `onChange` as a native input. */
export const MotpInput = createComponent({
  react: React,
  tagName: 'motp-input',
  elementClass: MotpInputElement,
  displayName: 'MotpInput',
  events: {
    onMotpComplete: 'motp-complete' as EventName<MotpCompleteEvent>,
    onInput: 'input',
    onChange: 'change',
  },
});

/** `<pass-carrier-picker>`: `onInput` / `onChange` when the learner picks a carrier. */
export const PassCarrierPicker = createComponent({
  react: React,
  tagName: 'pass-carrier-picker',
  elementClass: PassCarrierPickerElement,
  displayName: 'PassCarrierPicker',
  events: {
    onInput: 'input',
    onChange: 'change',
  },
});
