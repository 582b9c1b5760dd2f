/**
 * One poll per key, however many follow it. Event streams watching the same phone check share
 * a single loop that asks the provider every `pollMs` and fans each answer out to every stream,
 * so a hundred open tabs cost one upstream call per interval, not a hundred. The loop starts
 * with its first follower and stops when the last one leaves.
 */

/** What a poll hands its followers each round. */
export type PollDelivery<T> =
  /** The value read (`undefined`: nothing to say this round). */
  | { value: T | undefined }
  /** The read failed; the poll has ended, and so should its followers. */
  | { error: unknown };

/** Receives every delivery of the poll it follows. */
export type PollListener<T> = (delivery: PollDelivery<T>) => void;

/** Shared polls, one per key. */
export interface SharedPolls {
  /**
   * Follows the poll of `key`, starting it (reading now, then every `pollMs`) when nobody
   * follows it yet; a follower joining a running poll gets its latest delivery at once. `read`
   * and `pollMs` are those of the follower that started the poll. Returns the function that
   * stops following.
   */
  follow<T>(key: string, read: () => Promise<T | undefined>, pollMs: number, listener: PollListener<T>): () => void;
  /** Polls running now. */
  readonly size: number;
}

interface Poll {
  listeners: Set<PollListener<unknown>>;
  last?: PollDelivery<unknown>;
  /** Ends the pause between two reads early (the last follower left). */
  wake?: () => void;
}

/** Creates a set of {@link SharedPolls}. */
export function createSharedPolls(): SharedPolls {
  const polls = new Map<string, Poll>();

  const forget = (key: string, poll: Poll) => {
    if (polls.get(key) === poll) polls.delete(key);
    poll.wake?.();
  };

  const run = async (key: string, poll: Poll, read: () => Promise<unknown>, pollMs: number) => {
    while (poll.listeners.size > 0) {
      let delivery: PollDelivery<unknown>;
      try {
        delivery = { value: await read() };
      } catch (error) {
        delivery = { error };
      }
      poll.last = delivery;
      // A copy: listeners leave from inside their call (a final value, a failure).
      for (const listener of [...poll.listeners]) listener(delivery);
      if ('error' in delivery || poll.listeners.size === 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        poll.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      poll.wake = undefined;
    }
    forget(key, poll);
  };

  return {
    follow<T>(key: string, read: () => Promise<T | undefined>, pollMs: number, listener: PollListener<T>) {
      const own = listener as PollListener<unknown>;
      let poll = polls.get(key);
      if (!poll) {
        poll = { listeners: new Set([own]) };
        polls.set(key, poll);
        void run(key, poll, read, pollMs);
      } else {
        poll.listeners.add(own);
        const { last } = poll;
        const joined = poll;
        // Asynchronously, as a poll's own deliveries are: the caller is still setting up.
        if (last) queueMicrotask(() => joined.listeners.has(own) && own(last));
      }
      const followed = poll;
      return () => {
        followed.listeners.delete(own);
        if (followed.listeners.size === 0) forget(key, followed);
      };
    },
    get size() {
      return polls.size;
    },
  };
}
