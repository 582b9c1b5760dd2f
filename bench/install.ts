/**
 * `npm run bench:install`: what `npm install` brings into an empty project for each package,
 * measured from the packed tarballs (as a user receives them): packages installed (the
 * package itself included, as npm counts "added N packages"), the bytes of their files, and
 * the space they take on disk. Results are recorded in bench/RESULTS.md.
 *
 * With tarball paths as arguments it measures those instead, e.g. an older release:
 * `npm run bench:install -- /tmp/old/id-verify-0.1.0.tgz`.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildAndPack, installedPackages, installProject } from '../test/package/packed.js';

/** Bytes of the files under `dir` and bytes of disk they occupy (whole blocks). */
function sizeOf(dir: string): { bytes: number; disk: number } {
  let bytes = 0;
  let disk = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const stat = lstatSync(join(dir, String(name)));
    disk += stat.blocks * 512;
    if (stat.isFile()) bytes += stat.size;
  }
  return { bytes, disk };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

const given = process.argv.slice(2);
const tarballs = given.length ? given : Object.values(buildAndPack(mkdtempSync(join(tmpdir(), 'idv-bench-'))));
console.log('| package (tarball) | tarball | packages installed | files | on disk |\n|---|---|---|---|---|');
for (const tarball of tarballs) {
  const name = basename(tarball).replace(/-\d+\.\d+\.\d+.*\.tgz$/, '');
  const project = installProject({ [name]: `file:${tarball}` });
  const packages = installedPackages(project).size;
  const { bytes, disk } = sizeOf(join(project, 'node_modules'));
  console.log(`| ${name} (${basename(tarball)}) | ${(lstatSync(tarball).size / 1e3).toFixed(1)} kB | ${packages} | ${mb(bytes)} | ${mb(disk)} |`);
  rmSync(project, { recursive: true, force: true });
}
