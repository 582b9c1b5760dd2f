/**
 * `npm start`: serves the demo on 127.0.0.1:$PORT (default 8080) and prints its URLs. The
 * deployment variables (IDV_STORE, REDIS_URL, IDV_SIGNING_KEYS, IDV_HASH_KEY, IDV_AUDIT_FILE…,
 * see docs/deploy.md) apply here too: two `npm start` on one Redis with the same keys are one
 * service. Probes at /healthz and /readyz; SIGTERM drains.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EnvConfigError } from '../src/server/index.js';
import { openDeployment } from '../src/server/deploy.js';
import { readDeployEnv } from '../src/server/env-deploy.js';
import { exitOnSignals, serveWithProbes } from '../src/server/serve.js';
import { createDemoApp } from './app.js';
import { startupBanner } from './banner.js';
import { setupDemoMotp } from './motp-setup.js';
import { setUpPhone } from './phone-setup.js';

/** A setting that does not parse: say which, plainly, and stop. */
function exitOnEnvError(error: unknown): never {
  if (!(error instanceof EnvConfigError)) throw error;
  console.error(`Cannot start: ${error.message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = join(import.meta.dirname, 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error('The demo pages are not built: run `npm start` (it builds them first) or `npx vite build -c demo/vite.config.ts`.');
  process.exit(1);
}
const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const deployment = await readDeployEnv(process.env).then(openDeployment, exitOnEnvError);
const motp = await setupDemoMotp(process.env).catch(exitOnEnvError);
const phone = await setUpPhone(process.env).catch(exitOnEnvError);
// The dev routes beside real providers: asked for (IDV_DEV_ROUTES=1), or a fake runs in this process.
const devRoutesWithRealProviders = Boolean(motp.verify.devRoutesWithRealProviders || phone.verify.devRoutesWithRealProviders);
const app = createDemoApp({
  origin,
  distDir,
  scriptDir: join(import.meta.dirname, '..', 'dist'),
  verify: { ...deployment.options, ...motp.verify, ...phone.verify, devRoutesWithRealProviders },
  fakes: phone.fakes,
});
const serving = await serveWithProbes({
  fetch: app.fetch,
  hostname: host,
  port,
  ready: app.verify.ready,
  drain: app.verify.drain,
  close: () => Promise.all([deployment.close(), motp.close(), phone.close()]).then(() => undefined),
});
console.log(startupBanner(origin, { devRoutes: app.verify.devRoutes, motp: motp.label, phone: phone.label }));
console.log(deployment.summary.map((line) => `  ${line}`).join('\n'));
exitOnSignals(serving);
