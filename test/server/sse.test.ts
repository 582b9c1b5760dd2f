/** The server-sent event stream helper: changes only, heartbeats, final value, bounds, abort. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { eventStream, type EventStreamOptions } from '../../src/server/http/sse.js';

/** The stream `eventStream` answers a request with; `signal` aborts the request. */
async function open<T>({ signal, ...options }: EventStreamOptions<T> & { signal: AbortSignal }): Promise<Response> {
  const app = new Hono().get('/', (c) => eventStream(c, options));
  return app.request(new Request('http://in-process/', { signal }));
}

/** Everything the stream writes until it ends. */
async function drain(response: Response): Promise<string> {
  return new Response(response.body).text();
}

describe('eventStream', () => {
  test('writes a value only when it changes, ends after the final one', async () => {
    const values = ['a', 'a', 'a', 'b', 'b', 'done', 'never'];
    let i = 0;
    const response = await open<{ v: string }>({
      event: 'status',
      read: async () => ({ v: values[i++]! }),
      isFinal: (value) => value.v === 'done',
      signal: new AbortController().signal,
      pollMs: 1,
      heartbeatMs: 60_000,
      maxMs: 60_000,
    });
    assert.equal(response.headers.get('Content-Type'), 'text/event-stream; charset=utf-8');
    assert.equal(
      await drain(response),
      'event: status\ndata: {"v":"a"}\n\nevent: status\ndata: {"v":"b"}\n\nevent: status\ndata: {"v":"done"}\n\n',
    );
    assert.equal(i, 6, 'no read after the final value');
  });

  test('`key` decides what is a change: a new countdown alone writes nothing', async () => {
    const values = [{ s: 'p', t: 3 }, { s: 'p', t: 2 }, { s: 'p', t: 1 }, { s: 'x', t: 0 }];
    let i = 0;
    const response = await open<{ s: string; t: number }>({
      event: 'status',
      read: async () => values[i++],
      isFinal: (value) => value.s === 'x',
      key: (value) => value.s,
      signal: new AbortController().signal,
      pollMs: 1,
      heartbeatMs: 60_000,
      maxMs: 60_000,
    });
    assert.equal(
      await drain(response),
      'event: status\ndata: {"s":"p","t":3}\n\nevent: status\ndata: {"s":"x","t":0}\n\n',
    );
  });

  test('a quiet stream gets comment lines, and the loop stops at maxMs', async () => {
    const response = await open<{ v: number }>({
      event: 'status',
      read: async () => ({ v: 1 }),
      isFinal: () => false,
      signal: new AbortController().signal,
      pollMs: 5,
      heartbeatMs: 20,
      maxMs: 120,
    });
    const text = await drain(response);
    assert.ok(text.startsWith('event: status\ndata: {"v":1}\n\n'));
    assert.ok(text.includes(': keep-alive\n\n'), text);
  });

  test('undefined skips a round; a throw ends the stream; an abort ends it at once', async () => {
    let n = 0;
    const skipping = await open<{ v: number }>({
      event: 'status',
      read: async () => {
        n++;
        if (n === 1) return undefined;
        if (n === 2) return { v: 2 };
        throw new Error('store gone');
      },
      isFinal: () => false,
      signal: new AbortController().signal,
      pollMs: 1,
      heartbeatMs: 60_000,
      maxMs: 60_000,
    });
    assert.equal(await drain(skipping), 'event: status\ndata: {"v":2}\n\n');

    const abort = new AbortController();
    const endless = await open<{ v: number }>({
      event: 'status',
      read: async () => ({ v: 1 }),
      isFinal: () => false,
      signal: abort.signal,
      pollMs: 10_000,
      heartbeatMs: 60_000,
      maxMs: 60_000,
    });
    const reader = endless.body!.getReader();
    await reader.read();
    const next = reader.read();
    abort.abort();
    assert.equal((await next).done, true);
  });
});
