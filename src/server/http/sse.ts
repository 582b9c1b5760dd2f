/**
 * Server-sent events with Hono's `streamSSE`, which streams through `@hono/node-server` and
 * through the in-page app Storybook runs alike. The widget reads it with `fetch` (an
 * `EventSource` cannot send the `Authorization` header).
 *
 * The stream follows a poll of a read function (see `shared-polls.ts`: streams given the same
 * shared key share one poll), writes an event only when the value changed (by `key`), and ends
 * after a final value, after a failed read, after `maxMs`, or as soon as the client goes away. A
 * comment line after `heartbeatMs` of quiet keeps proxies from closing the connection.
 *
 * When the server drains (shutting down behind a load balancer), each stream ends with a
 * `retry:` line and no event: the widget reads it as the stream ending early and follows the
 * transaction by polling, which the load balancer sends to an instance that stays up.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createSharedPolls, type SharedPolls } from './shared-polls.js';

/** Reconnection delay of the drain hint when none is given. */
const DRAIN_RETRY_MS = 1_000;

/** Options of {@link eventStream}. */
export interface EventStreamOptions<T> {
  /** The `event:` name of every event. */
  event: string;
  /** The current value; `undefined` skips this round (a passing fault), a throw ends the stream. */
  read: () => Promise<T | undefined>;
  /** True for a value after which the stream ends. */
  isFinal: (value: T) => boolean;
  /** What counts as a change (default: the whole value as JSON); equal keys write nothing. */
  key?: (value: T) => string;
  /** Aborts when the server drains: the stream sends the retry hint and ends. */
  drain?: AbortSignal;
  /** Reconnection delay the retry hint asks for, in milliseconds (default 1000). */
  retryMs?: number;
  /** Time between two reads, in milliseconds. */
  pollMs: number;
  /** Quiet time after which a comment line is sent, in milliseconds. */
  heartbeatMs: number;
  /** Longest the stream stays open, in milliseconds of real time (its hard bound). */
  maxMs: number;
  /**
   * Streams following the same `key` of the same `polls` share one poll (and the `read` of the
   * stream that started it). Without it the stream polls on its own.
   */
  shared?: { polls: SharedPolls; key: string };
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
}

/** A `text/event-stream` response following `read`, for the request of `c`. */
export function eventStream<T>(c: Context, options: EventStreamOptions<T>): Response {
  const { polls, key: pollKey } = options.shared ?? { polls: createSharedPolls(), key: 'own' };
  const keyOf = options.key ?? ((value: T) => JSON.stringify(value));
  const signal = c.req.raw.signal;

  const response = streamSSE(c, (stream) => {
    let lastKey: string | undefined;
    let closed = false;
    let heartbeat: ReturnType<typeof setTimeout> | undefined;
    let unfollow: (() => void) | undefined;
    // Writes run one after another, and the stream closes only after the last of them.
    let writing = Promise.resolve();
    const send = (write: () => Promise<unknown>) => {
      writing = writing.then(write).then(
        () => undefined,
        () => undefined,
      );
    };
    const beat = () => {
      clearTimeout(heartbeat);
      heartbeat = setTimeout(() => {
        send(() => stream.write(': keep-alive\n\n'));
        beat();
      }, options.heartbeatMs);
    };

    return new Promise<void>((resolve) => {
      const lifetime = setTimeout(() => end(), options.maxMs);
      const end = () => {
        if (closed) return;
        closed = true;
        unfollow?.();
        clearTimeout(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener('abort', end);
        options.drain?.removeEventListener('abort', drain);
        options.onClose?.();
        void writing.then(resolve);
      };
      // The server is going away: tell the client to come back (to another instance) and end.
      const drain = () => {
        if (closed) return;
        send(() => stream.write(`retry: ${options.retryMs ?? DRAIN_RETRY_MS}\n\n`));
        end();
      };
      signal.addEventListener('abort', end, { once: true });
      options.drain?.addEventListener('abort', drain, { once: true });
      stream.onAbort(end);
      if (signal.aborted) return end();
      if (options.drain?.aborted) return drain();
      beat();
      unfollow = polls.follow<T>(pollKey, options.read, options.pollMs, (delivery) => {
        if (closed) return;
        if ('error' in delivery) return end();
        const { value } = delivery;
        if (value === undefined || keyOf(value) === lastKey) return;
        lastKey = keyOf(value);
        send(() => stream.writeSSE({ event: options.event, data: JSON.stringify(value) }));
        beat();
        if (options.isFinal(value)) end();
      });
    });
  });
  response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  // nginx buffers proxied answers unless told not to, which would hold every event back.
  response.headers.set('X-Accel-Buffering', 'no');
  return response;
}
