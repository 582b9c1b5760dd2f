#!/usr/bin/env node
/**
 * `id-verify-server`: the reference backend as a process of its own, configured by the
 * environment (see docs/deploy.md). The API answers at `IDV_BASE_PATH` (the root by default),
 * the probes at `/healthz` and `/readyz`, and SIGTERM drains before exiting. The providers
 * come from `IDV_MOTP` (`totp` or `hrdk`) and `IDV_PHONE` (`portone` or `nice`; unset, no phone
 * check): the simulator and the fakes are for `npm start`, never for this server.
 *
 *   id-verify-server                       serve
 *   id-verify-server generate-signing-key  print a JWK set with one new ES256 private key
 *   id-verify-server generate-hash-key     print a new IDV_HASH_KEY
 */
import { createVerifyApp } from './app.js';
import { randomBytes, toBase64Url } from './crypto.js';
import { openDeployment } from './deploy.js';
import { EnvConfigError, type Env } from './env.js';
import { readDeployEnv } from './env-deploy.js';
import { readMotpEnv } from './env-motp.js';
import { readPhoneEnv, realPhoneProvider } from './env-phone.js';
import { generateSigningJwk } from './keys.js';
import type { VerifyAppOptions } from './options.js';
import { createHrdkProvider } from './providers/motp/hrdk.js';
import { exitOnSignals, serveWithProbes } from './serve.js';

/** Reads `PORT` (default 8080) strictly. */
function readPort(env: Env): number {
  const value = env.PORT?.trim() || '8080';
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) throw new EnvConfigError('PORT', `expected a port number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Reads `IDV_BASE_PATH` (default: the root), e.g. `/api`. */
function readBasePath(env: Env): string {
  const value = env.IDV_BASE_PATH?.trim() ?? '';
  if (value !== '' && !/^(\/[\w.-]+)+$/.test(value)) throw new EnvConfigError('IDV_BASE_PATH', 'expected a path such as /api');
  return value;
}

/** The providers `IDV_MOTP` and `IDV_PHONE` name; the simulator and the fakes are refused. */
function readProviders(env: Env): Pick<VerifyAppOptions, 'motp' | 'phone'> & { labels: string[] } {
  const motp = readMotpEnv(env);
  if (motp.kind === 'hrdk-fake') throw new EnvConfigError('IDV_MOTP', 'hrdk-fake is for npm start; this server takes totp or hrdk');
  const phone = readPhoneEnv(env);
  if (phone.kind === 'portone-fake' || phone.kind === 'nice-fake') {
    throw new EnvConfigError('IDV_PHONE', `${phone.kind} is for npm start; this server takes portone or nice`);
  }
  if (phone.kind === 'simulator' && env.IDV_PHONE?.trim()) {
    throw new EnvConfigError('IDV_PHONE', 'the simulator is for npm start; this server takes portone or nice (unset: no phone check)');
  }
  return {
    ...(motp.kind === 'hrdk' ? { motp: createHrdkProvider(motp) } : {}),
    phone: realPhoneProvider(phone) ?? null,
    labels: [
      `mOTP              ${motp.kind === 'hrdk' ? `HRD Korea at ${motp.baseUrl}` : 'built-in TOTP'}`,
      `phone check       ${phone.kind === 'simulator' ? 'none (IDV_PHONE unset)' : phone.kind}`,
    ],
  };
}

/** Reads a required text variable. */
function required(value: string | undefined, name: string): string {
  if (!value) throw new EnvConfigError(name, 'is required');
  return value;
}

async function serveFromEnv(env: Env): Promise<void> {
  const settings = await readDeployEnv(env);
  const port = readPort(env);
  const hostname = env.HOST?.trim() || '0.0.0.0';
  const basePath = readBasePath(env);
  const issuer = required(settings.issuer, 'IDV_ISSUER');
  const audience = required(settings.audience, 'IDV_AUDIENCE');
  const { labels, ...providers } = readProviders(env);
  const deployment = openDeployment(settings);
  const app = createVerifyApp({ ...deployment.options, ...providers, issuer, audience, basePath });
  const serving = await serveWithProbes({
    fetch: app.fetch,
    hostname,
    port,
    ready: app.ready,
    drain: app.drain,
    close: deployment.close,
  });
  exitOnSignals(serving);
  console.log(
    [
      `id-verify-server on http://${hostname}:${serving.port}`,
      `  API               ${basePath || '/'} (e.g. ${basePath}/v1/config)`,
      '  probes            /healthz (process up), /readyz (store reachable, not draining)',
      ...[...labels, ...deployment.summary].map((line) => `  ${line}`),
    ].join('\n'),
  );
  await app.ready().catch(() => console.warn('id-verify-server: the store does not answer yet; /readyz says 503 until it does'));
}

async function main(args: string[]): Promise<void> {
  const [command] = args;
  if (command === 'generate-signing-key') {
    console.log(JSON.stringify({ keys: [await generateSigningJwk()] }, null, 2));
  } else if (command === 'generate-hash-key') {
    console.log(toBase64Url(randomBytes(32)));
  } else if (command === undefined) {
    await serveFromEnv(process.env);
  } else {
    console.error(`Unknown command ${JSON.stringify(command)}: use generate-signing-key, generate-hash-key, or none to serve`);
    process.exit(2);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`id-verify-server: ${error instanceof EnvConfigError ? error.message : String(error)}`);
  process.exit(1);
});
