/**
 * What the gate stories share: the in-page backend loader. The learner-like helpers that
 * drive the gate live in `src/dev/gate-driver.ts` (the element tests use them too).
 */
import { createInPageBackend, DEMO_MEMBER, type InPageBackendOptions } from '../../src/dev/in-page-backend.js';
import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { shifted, type Backend } from '../../src/dev/gate-driver.js';
import { PURPOSES, type Purpose } from '../../src/protocol/index.js';
import { storyLang } from './globals.js';

export * from '../../src/dev/gate-driver.js';

/** How a story wants its backend: the in-page backend's options, or an mOTP lock up front. */
export interface BackendParameters extends Omit<InPageBackendOptions, 'skewMs'> {
  /** Locks the learner's mOTP first (five wrong codes through the client, as five tries would). */
  lockMotp?: boolean;
  /** The learner already passed today's check (a right mOTP code, for the session's purpose). */
  verifiedToday?: boolean;
}

/** The server clock's offset, which a story's `play` may move (read on every server call). */
export interface ServerClock {
  skewMs: number;
}

/** What the loader hands a story: `loaded.backend` and `loaded.clock`. */
export interface Loaded {
  backend: Backend;
  clock: ServerClock;
}

/**
 * Storybook loader: a fresh backend per story, configured by `parameters.backend`
 * ({@link BackendParameters}), with a server clock the story can move.
 */
export async function loadBackend({ parameters }: { parameters: { backend?: BackendParameters } }): Promise<Loaded> {
  const { lockMotp = false, verifiedToday = false, ...options } = parameters.backend ?? {};
  const clock: ServerClock = { skewMs: 0 };
  const backend = await createInPageBackend({ ...options, skewMs: () => clock.skewMs });
  if (verifiedToday) await backend.client.verifyMotp({ otp: await backend.currentCode(), phone: DEMO_MEMBER.phone });
  if (lockMotp) {
    for (let i = 0; i < 5; i++) {
      const otp = shifted(await backend.currentCode());
      await backend.client.verifyMotp({ otp, phone: DEMO_MEMBER.phone }).catch(() => undefined);
    }
  }
  return { backend, clock };
}


/** The controls every gate story offers (the gate's public properties; the rest are documented only). */
export interface GateArgs {
  /** Empty: the toolbar's language. */
  lang: string;
  methods: string;
  layout: 'auto' | 'desktop' | 'mobile';
  purpose: Purpose;
  mvnoHelpUrl: string;
  /** Documented only: the stories hand the gate a client talking to the server in the page. */
  endpoint?: string;
  /** Documented only, as `endpoint`. */
  session?: string;
}

/**
 * What every gate story file's meta shares: controls, the backend loader, and a gate wired to
 * it, in the toolbar's language unless the `lang` control says otherwise. Each file spreads it
 * into an object literal with its own `title` (Storybook reads the title statically).
 */
export const gateStoryMeta: Meta<GateArgs> = {
  component: 'id-verify-gate',
  args: { lang: '', methods: '', layout: 'auto', purpose: 'exam', mvnoHelpUrl: '' },
  argTypes: {
    lang: { control: { type: 'inline-radio', labels: { '': 'toolbar' } }, options: ['', 'ko', 'en'] },
    purpose: { control: 'select', options: [...PURPOSES] },
    // The stories hand the gate a client talking to the server in the page instead.
    endpoint: { control: false },
    session: { control: false },
  },
  loaders: [loadBackend],
  render: (args, { loaded, globals }) => html`<id-verify-gate
    purpose=${args.purpose}
    lang=${storyLang(args, globals)}
    methods=${args.methods}
    layout=${args.layout}
    mvno-help-url=${args.mvnoHelpUrl}
    .client=${(loaded as Loaded).backend.client}
  ></id-verify-gate>`,
};
