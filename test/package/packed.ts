/**
 * The two packages as a user receives them: built and `npm pack`ed once per `npm test` (which
 * hands the folder over in IDV_PACKED), or on first use when a test file runs alone.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a command, failing with its output when it fails; its stdout. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return String(result.stdout);
}

/** Runs a command that is expected to fail; its output (stdout + stderr). */
export function runFailing(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.status === 0) throw new Error(`${command} ${args.join(' ')} passed, but was expected to fail:\n${result.stdout}`);
  return `${result.stdout}\n${result.stderr}`;
}

/** Paths of the two tarballs. */
export interface Tarballs {
  widget: string;
  server: string;
}

/** Builds both packages and packs them into `dir`. */
export function buildAndPack(dir: string): Tarballs {
  run('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'pipe'] });
  for (const pkg of ['./packages/widget', './packages/server']) run('npm', ['pack', pkg, '--pack-destination', dir, '--silent']);
  return tarballsIn(dir);
}

function tarballsIn(dir: string): Tarballs {
  const files = readdirSync(dir);
  const find = (pattern: RegExp) => {
    const file = files.find((name) => pattern.test(name));
    if (!file) throw new Error(`no ${pattern} in ${dir}`);
    return join(dir, file);
  };
  return { widget: find(/^id-verify-\d.*\.tgz$/), server: find(/^id-verify-server-.*\.tgz$/) };
}

/** The packed packages: those of `npm test` (IDV_PACKED), else built and packed now. */
export function packedTarballs(): Tarballs {
  const given = process.env.IDV_PACKED;
  if (given && existsSync(given)) return tarballsIn(given);
  return buildAndPack(mkdtempSync(join(tmpdir(), 'idv-packed-')));
}

/** A fresh project folder with `dependencies` installed from the registry and the tarballs. */
export function installProject(dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'idv-user-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module', dependencies, devDependencies }));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  return dir;
}

/** Every package on disk under `dir`/node_modules (nested ones too): name → version. */
export function installedPackages(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const paths = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => join(modules, entry, name)) : [join(modules, entry)];
      for (const path of paths) {
        if (!existsSync(join(path, 'package.json'))) continue;
        const { name, version } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { name: string; version: string };
        found.set(name, version);
        visit(join(path, 'node_modules'));
      }
    }
  };
  visit(join(dir, 'node_modules'));
  return found;
}
