/**
 * What a step reads from its gate through `@lit/context`: the strings of the gate's language,
 * its client, and what the server offers. Its host re-renders when the gate provides new ones.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveElement } from 'lit';
import { clientContext, configContext, localeContext } from '../context.js';
import type { VerifyClient } from '../client/index.js';
import { ko, type Translation } from '../i18n/index.js';
import type { ConfigResponse } from '../protocol/index.js';

/** A step's link to its gate. */
export class GateLink {
  private readonly locale: ContextConsumer<typeof localeContext, ReactiveElement>;
  private readonly clientFromGate: ContextConsumer<typeof clientContext, ReactiveElement>;
  private readonly configFromGate: ContextConsumer<typeof configContext, ReactiveElement>;

  constructor(host: ReactiveElement) {
    this.locale = new ContextConsumer(host, { context: localeContext, subscribe: true });
    this.clientFromGate = new ContextConsumer(host, { context: clientContext, subscribe: true });
    this.configFromGate = new ContextConsumer(host, { context: configContext, subscribe: true });
  }

  /** The strings of the gate's language. */
  get t(): Translation {
    return this.locale.value ?? ko;
  }

  /** The gate's client. */
  get client(): VerifyClient | undefined {
    return this.clientFromGate.value;
  }

  /** What the server offers this learner now. */
  get config(): ConfigResponse | undefined {
    return this.configFromGate.value;
  }
}
