/**
 * Server-sent events over a plain `ReadableStream`, so the same code streams through
 * `@hono/node-server` and through the in-page app Storybook runs. The widget reads it with
 * `fetch` (an `EventSource` cannot send the `Authorization` header).
 *
 * The loop is bounded: it polls a read function every `pollMs`, writes an event only when the
 * value changed (by `key`), ends after a final value, after `maxMs`, or as soon as the client goes away
 * (the request's signal, or the reader cancelling). A comment line every `heartbeatMs` keeps
 * proxies from closing a quiet connection.
 *
 * When the server drains (shutting down behind a load balancer), each stream ends with a
 * `retry:` line and no event: the widget reads it as the stream ending early and follows the
 * transaction by polling, which the load balancer sends to an instance that stays up.
 */

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
  /** Aborts when the client is gone. */
  signal: AbortSignal;
  /** Aborts when the server drains: the stream sends the retry hint and ends. */
  drain?: AbortSignal;
  /** Reconnection delay the retry hint asks for, in milliseconds (default 1000). */
  retryMs?: number;
  /** Time between two reads, in milliseconds. */
  pollMs: number;
  /** Quiet time after which a comment line is sent, in milliseconds. */
  heartbeatMs: number;
  /** Longest the stream stays open, in milliseconds of real time (the loop's hard bound). */
  maxMs: number;
}

const encoder = new TextEncoder();

/** Reconnection delay of the drain hint when none is given. */
const DRAIN_RETRY_MS = 1_000;

/** A `text/event-stream` response following `read`. */
export function eventStream<T>(options: EventStreamOptions<T>): Response {
  const { signal } = options;
  const openedAt = Date.now();
  const keyOf = options.key ?? ((value: T) => JSON.stringify(value));
  let lastKey: string | undefined;
  let lastWrite = openedAt;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let draining = options.drain?.aborted ?? false;

  const stop = () => {
    done = true;
    clearTimeout(timer);
    wake?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  const onDrain = () => {
    draining = true;
    wake?.();
  };
  signal.addEventListener('abort', stop, { once: true });
  options.drain?.addEventListener('abort', onDrain, { once: true });

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const finish = () => {
        stop();
        signal.removeEventListener('abort', stop);
        options.drain?.removeEventListener('abort', onDrain);
        try {
          controller.close();
        } catch {
          // Already closed by a cancel: nothing left to do.
        }
      };
      // One event (or heartbeat) per pull: the stream asks again once the client has read it.
      while (!done && !signal.aborted) {
        if (draining) {
          controller.enqueue(encoder.encode(`retry: ${options.retryMs ?? DRAIN_RETRY_MS}\n\n`));
          return finish();
        }
        let value: T | undefined;
        try {
          value = await options.read();
        } catch {
          return finish();
        }
        if (done) break;
        if (value !== undefined && keyOf(value) !== lastKey) {
          lastKey = keyOf(value);
          lastWrite = Date.now();
          controller.enqueue(encoder.encode(`event: ${options.event}\ndata: ${JSON.stringify(value)}\n\n`));
          if (options.isFinal(value)) finish();
          return;
        }
        const now = Date.now();
        if (now - openedAt >= options.maxMs) break;
        if (now - lastWrite >= options.heartbeatMs) {
          lastWrite = now;
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
          return;
        }
        await pause(options.pollMs);
      }
      finish();
    },
    cancel() {
      stop();
      signal.removeEventListener('abort', stop);
      options.drain?.removeEventListener('abort', onDrain);
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // nginx buffers proxied answers unless told not to, which would hold every event back.
      'X-Accel-Buffering': 'no',
    },
  });
}
