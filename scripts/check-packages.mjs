// The last step of `npm run build`: each package's declared dependencies must be exactly what
// its built files import. The widget (`id-verify`, this folder) must not pull the server's
// libraries into a page's install; the server package (`packages/server`) must declare every
// library src/server imports, at the range the repository tests with (its devDependencies).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Package names a file imports (static, dynamic, re-exports), `node:` built-ins aside. */
function importedPackages(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('/'))
    .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

/** Files under `dir` whose names end with one of `endings`. */
const filesUnder = (dir, endings) =>
  readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => endings.some((ending) => path.endsWith(ending)));

const root = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

function check(dir, pkg) {
  const runtime = new Set(filesUnder(join(dir, 'dist'), ['.js']).flatMap(importedPackages));
  const typesOnly = new Set(filesUnder(join(dir, 'dist'), ['.d.ts']).flatMap(importedPackages));
  const dependencies = Object.keys(pkg.dependencies ?? {});
  const peers = Object.keys(pkg.peerDependencies ?? {});
  for (const name of runtime) {
    if (!dependencies.includes(name) && !peers.includes(name)) problems.push(`${pkg.name}: its dist/ imports ${name}, which it does not declare`);
  }
  for (const name of dependencies) {
    if (!runtime.has(name)) problems.push(`${pkg.name}: declares ${name} but never imports it (a widget install would download it for nothing)`);
  }
  for (const name of peers) {
    if (!runtime.has(name) && !typesOnly.has(name)) problems.push(`${pkg.name}: peer ${name} is not used`);
  }
}

check('.', root);

const server = JSON.parse(readFileSync('packages/server/package.json', 'utf8'));
check('packages/server', server);
if (server.version !== root.version) problems.push(`id-verify-server is ${server.version}, id-verify ${root.version}: release them together`);
for (const [name, range] of Object.entries(server.dependencies ?? {})) {
  const tested = root.devDependencies?.[name];
  if (tested !== range) problems.push(`id-verify-server wants ${name}@${range}, the repository tests with ${name}@${tested ?? '(none)'}: list it in devDependencies at the same range`);
}

if (problems.length) {
  console.error(`Package dependencies do not match what the packages import:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package dependencies: id-verify and id-verify-server declare exactly what they import');
