/** A running throwaway Redis. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  /** Its loopback port. */
  port: number;
  /** Stops it and waits for the process to end. */
  stop(): Promise<void>;
}
/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
/** Starts `redis-server` on a free loopback port (or `options.port`), without persistence; `args` adds server options. */
export function startRedisServer(options?: { port?: number; args?: string[] }): Promise<RedisServer>;
