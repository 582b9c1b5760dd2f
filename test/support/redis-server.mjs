// A throwaway `redis-server` on a free loopback port, for tests and the test scripts: nothing
// saved to disk, stopped by `stop()`. Debian's package (or any redis-server on the PATH).
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';

/** Where the binary is looked for: `REDIS_SERVER`, then the PATH. */
const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

/**
 * A free TCP port on 127.0.0.1, as the kernel hands one out.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once something accepts connections on the port, rejects after `timeoutMs`.
 * @param {number} port
 * @param {number} timeoutMs
 */
async function waitForPort(port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A running throwaway Redis.
 * @typedef {object} RedisServer
 * @property {string} url `redis://127.0.0.1:<port>`.
 * @property {number} port
 * @property {() => Promise<void>} stop Stops it and waits for the process to end.
 */

/**
 * Starts `redis-server` on a free loopback port (or `options.port`), without persistence.
 * @param {{ port?: number, args?: string[] }} [options] `args`: more server options, e.g. `--enable-debug-command yes`.
 * @returns {Promise<RedisServer>}
 */
export async function startRedisServer(options = {}) {
  const port = options.port ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(options.args ?? [])];
  const child = spawn(BINARY, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const failed = new Promise((_, reject) => {
    child.once('error', (error) => reject(new Error(`Cannot start ${BINARY}: ${error.message} (install Debian's redis-server)`)));
    void exited.then((code) => reject(new Error(`redis-server exited (${code}): ${stderr.trim()}`)));
  });
  try {
    await Promise.race([waitForPort(port, 5_000), failed]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  failed.catch(() => undefined);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
