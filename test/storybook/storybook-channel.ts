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
