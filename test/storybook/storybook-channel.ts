/**
 * Storybook's verdict on a story or docs page, read from the events its preview sends on its
 * channel (`storyFinished`, `playFunctionThrewException`, `docsRendered`…). The channel is
 * caught as the preview installs it, before any story starts. Once a preview has loaded, other
 * stories are shown in the same page through that channel (as Storybook's own UI does), which
 * spares loading the preview again for each.
 */
import type { Page } from '@playwright/test';

/** How a story went: `success` once rendered and played with no error; the errors otherwise. */
export interface StoryOutcome {
  status: 'success' | 'error';
  errors: string[];
}

/** What the page offers the test. */
interface Watched {
  /** The outcome of the story (or docs page) `id`: its latest render, or the next one. */
  __storyOutcome(id: string): Promise<StoryOutcome>;
  /** Shows story `id` from scratch (remounted if it is the one showing) and waits for its outcome. */
  __showStory(id: string): Promise<StoryOutcome>;
}

/** Catches the preview's channel on every page `page` loads from now on. */
export async function watchStorybook(page: Page) {
  await page.addInitScript(() => {
    type Channel = { on(event: string, listener: (...args: never[]) => void): void; emit(event: string, payload: unknown): void };
    /** Errors since the story now showing was asked for. */
    let errors: string[] = [];
    let channel: Channel | undefined;
    let showing = new URLSearchParams(location.search).get('id');
    const finished = new Map<string, StoryOutcome>();
    const waiting = new Map<string, ((outcome: StoryOutcome) => void)[]>();

    const finish = (id: string, status: StoryOutcome['status']) => {
      const outcome: StoryOutcome = { status: errors.length ? 'error' : status, errors: [...errors] };
      finished.set(id, outcome);
      for (const resolve of waiting.get(id) ?? []) resolve(outcome);
      waiting.delete(id);
    };
    const describe = (error: unknown) =>
      typeof error === 'object' && error ? String((error as { message?: unknown }).message ?? JSON.stringify(error)) : String(error);

    const hook = (next: Channel) => {
      for (const event of ['playFunctionThrewException', 'storyThrewException', 'storyErrored']) {
        next.on(event, (error: unknown) => errors.push(`${event}: ${describe(error)}`));
      }
      next.on('unhandledErrorsWhilePlaying', (list: unknown[]) => errors.push(...list.map((e) => `unhandled: ${describe(e)}`)));
      next.on('storyMissing', (id: string) => {
        errors.push(`storyMissing: ${id}`);
        finish(id, 'error');
      });
      next.on('storyFinished', ({ storyId, status }: { storyId: string; status: StoryOutcome['status'] }) => finish(storyId, status));
      next.on('docsRendered', (id: string) => finish(id, 'success'));
    };
    Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(next: Channel | undefined) {
        if (next && next !== channel) hook(next);
        channel = next;
      },
    });

    const watched = window as unknown as Watched;
    watched.__storyOutcome = (id) =>
      finished.has(id) ? Promise.resolve(finished.get(id)!) : new Promise((resolve) => waiting.set(id, [...(waiting.get(id) ?? []), resolve]));
    watched.__showStory = (id) => {
      finished.delete(id);
      errors = [];
      const outcome = watched.__storyOutcome(id);
      if (id === showing) channel!.emit('forceRemount', { storyId: id });
      else channel!.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
      showing = id;
      return outcome;
    };
  });
}

/** Waits for Storybook's verdict on story or docs page `id` of the page opened after {@link watchStorybook}. */
export const storyOutcome = (page: Page, id: string): Promise<StoryOutcome> =>
  page.evaluate((story) => (window as unknown as Watched).__storyOutcome(story), id);

/** Shows story `id` in the preview the page already runs, and waits for Storybook's verdict. */
export const showStory = (page: Page, id: string): Promise<StoryOutcome> =>
  page.evaluate((story) => (window as unknown as Watched).__showStory(story), id);

/** One control of the Controls panel: the argument, its control type, and what it may choose from. */
export interface Control {
  name: string;
  type: string;
  options?: unknown[];
  min?: number;
  value: unknown;
}

/** The story's component (its tag) and what Storybook offers for it: every argument, and the controls. */
export interface StoryControls {
  component: string;
  /** Every argument's name, documented or not (the docs table and the Controls panel read these). */
  argTypes: string[];
  /** The arguments the Controls panel lets one change. */
  controls: Control[];
}

/** Reads story `id`'s arguments as the preview prepared them (after every enhancer ran). */
export const storyControls = (page: Page, id: string): Promise<StoryControls> =>
  page.evaluate(async (story) => {
    type ArgType = { control?: false | { type?: string; min?: number; disable?: boolean }; options?: unknown[]; table?: { disable?: boolean } };
    type Prepared = { component?: unknown; argTypes: Record<string, ArgType>; initialArgs: Record<string, unknown> };
    const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { storyStoreValue: { loadStory(o: { storyId: string }): Promise<Prepared> } } })
      .__STORYBOOK_PREVIEW__;
    const prepared = await preview.storyStoreValue.loadStory({ storyId: story });
    const entries = Object.entries(prepared.argTypes);
    // What the Controls panel shows with a working control: not hidden from the table, control not off.
    const shown = entries.filter(([, t]) => !t.table?.disable && t.control !== false && !t.control?.disable);
    return {
      component: String(prepared.component ?? ''),
      argTypes: entries.map(([name]) => name),
      controls: shown.map(([name, t]) => ({
        name,
        type: (t.control && t.control.type) || 'unknown',
        options: t.options,
        min: t.control ? t.control.min : undefined,
        value: prepared.initialArgs[name],
      })),
    };
  }, id);

/** Changes story `id`'s arguments as the Controls panel does (the story renders again). */
export const updateArgs = (page: Page, id: string, args: Record<string, unknown>): Promise<void> =>
  page.evaluate(
    ([storyId, updatedArgs]) => {
      const channel = (globalThis as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void } })
        .__STORYBOOK_ADDONS_CHANNEL__;
      channel.emit('updateStoryArgs', { storyId, updatedArgs });
    },
    [id, args] as const,
  );
