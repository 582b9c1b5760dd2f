// Serves the built Storybook (storybook-static/) on 127.0.0.1 for the story tests: files only,
// no network, no directory listings. `PORT` picks the port; `STORYBOOK_DIR` the folder.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.STORYBOOK_DIR ?? 'storybook-static');
const port = Number(process.env.PORT ?? 6106);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

createServer(async (request, response) => {
  let path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  // Browsers ask for /favicon.ico by themselves; Storybook ships an SVG one.
  if (path === '/favicon.ico') path = '/favicon.svg';
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  // Nothing outside the folder, whatever the path says.
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}).listen(port, '127.0.0.1', () => console.log(`Storybook from ${root} on http://127.0.0.1:${port}`));
