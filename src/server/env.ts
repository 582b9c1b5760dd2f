/**
 * Reading the server's settings from environment variables (`npm start`, the server bin).
 * Every variable is checked strictly: a value that does not parse stops the start with an
 * error naming the variable, rather than being read as something it does not say.
 */

/** An environment variable that does not hold a usable value; `variable` names it. */
export class EnvConfigError extends Error {
  /** The variable at fault. */
  readonly variable: string;

  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'EnvConfigError';
    this.variable = variable;
  }
}

/** The environment as `process.env` holds it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A yes/no variable: `1`/`true` on; unset, empty, `0`/`false` off; anything else is an error. */
export function envFlag(env: Env, name: string): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '1' || value === 'true') return true;
  if (value === '' || value === '0' || value === 'false') return false;
  throw new EnvConfigError(name, `expected 1 or 0 (true or false), got ${JSON.stringify(env[name])}`);
}
