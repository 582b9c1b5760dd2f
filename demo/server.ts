/**
 * `npm start`: serves the demo on 127.0.0.1:$PORT (default 8080) and prints its URLs. The
 * deployment variables (IDV_STORE, REDIS_URL, IDV_SIGNING_KEYS, IDV_HASH_KEY, IDV_AUDIT_FILE…,
 * see docs/deploy.md) apply here too: two `npm start` on one Redis with the same keys are one
 * service. Probes at /healthz and /readyz; SIGTERM drains.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { envFlag, EnvConfigError } from '../src/server/index.js';
import { openDeployment } from '../src/server/deploy.js';
import { readDeployEnv } from '../src/server/env-deploy.js';
import { exitOnSignals, serveWithProbes } from '../src/server/serve.js';
import { createDemoApp } from './app.js';
import { startupBanner } from './banner.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = join(import.meta.dirname, 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error('The demo pages are not built: run `npm start` (it builds them first) or `npx vite build -c demo/vite.config.ts`.');
  process.exit(1);
}
const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const deployment = await readDeployEnv(process.env).then(openDeployment, (error: unknown) => {
  console.error(error instanceof EnvConfigError ? `npm start: ${error.message}` : error);
  process.exit(1);
});
const app = createDemoApp({
  origin,
  distDir,
  scriptDir: join(import.meta.dirname, '..', 'dist'),
  verify: { ...deployment.options, devRoutesWithRealProviders: envFlag(process.env, 'IDV_DEV_ROUTES') },
});
const serving = await serveWithProbes({
  fetch: app.fetch,
  hostname: host,
  port,
  ready: app.verify.ready,
  drain: app.verify.drain,
  close: deployment.close,
});
console.log(startupBanner(origin, { devRoutes: app.verify.devRoutes }));
console.log(deployment.summary.map((line) => `  ${line}`).join('\n'));
exitOnSignals(serving);
