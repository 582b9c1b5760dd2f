/** `npm start`: serves the demo on 127.0.0.1:$PORT (default 8080) and prints its URLs. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createDemoApp } from './app.js';
import { startupBanner } from './banner.js';
import { setupDemoMotp } from './motp-setup.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = join(import.meta.dirname, 'dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error('The demo pages are not built: run `npm start` (it builds them first) or `npx vite build -c demo/vite.config.ts`.');
  process.exit(1);
}
const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const motp = await setupDemoMotp(process.env);
const app = createDemoApp({ origin, distDir, scriptDir: join(import.meta.dirname, '..', 'dist'), verify: motp.verify });
const server = serve({ fetch: app.fetch, hostname: host, port }, () => {
  console.log(startupBanner(origin, { devRoutes: app.verify.devRoutes, motp: motp.label }));
});

const stop = () => server.close(() => void motp.close().finally(() => process.exit(0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
