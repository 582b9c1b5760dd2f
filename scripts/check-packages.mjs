// The last step of `npm run build`: each package's declared dependencies must be exactly what
// its built files import, at the range the repository tests with (the root package.json). The
// widget (`packages/widget`, published as id-verify) must not pull the server's libraries into a
// page's install; the server (`packages/server`, id-verify-server) must declare every library
// src/server imports.
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
const tested = { ...root.dependencies, ...root.devDependencies };
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

for (const dir of ['packages/widget', 'packages/server']) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  check(dir, pkg);
  if (pkg.version !== root.version) problems.push(`${pkg.name} is ${pkg.version}, the repository ${root.version}: release both packages with it`);
  for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
    if (tested[name] !== range) problems.push(`${pkg.name} wants ${name}@${range}, the repository tests with ${name}@${tested[name] ?? '(none)'}: use one range in both package.json files`);
  }
}

if (problems.length) {
  console.error(`Package dependencies do not match what the packages import:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package dependencies: id-verify and id-verify-server declare exactly what they import, at the tested ranges');
