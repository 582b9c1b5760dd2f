/**
 * `npm run size`: min+gzip (-9) sizes of what pages download, against the budgets. "Initial" is
 * what a page downloads before the learner does anything: the entry file and every chunk it
 * imports statically. Chunks loaded on demand (the phone path, the QR generator) are listed
 * apart. Exits non-zero over the budgets of docs/architecture.md. Results are recorded in
 * bench/RESULTS.md.
 *
 * Two kinds of page: one with the script-tag file (built from src/script.ts as the package's
 * `dist/id-verify.js` is), and a user's Vite build importing one per-element entry from the
 * built widget package (packages/widget, `npm run build:widget` first) through its `exports`
 * and `sideEffects`, as a user's bundler sees it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const root = resolve(import.meta.dirname, '..');
const widget = join(root, 'packages/widget');
if (!existsSync(join(widget, 'dist/motp-input/define.js'))) {
  console.error('The widget package is not built: run `npm run build:widget` (or `npm run build`) first.');
  process.exit(1);
}

// A user's project: an entry file per import, `id-verify` in its node_modules (the built package).
const project = mkdtempSync(join(tmpdir(), 'idv-size-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(widget, join(project, 'node_modules/id-verify'), 'dir');
const userEntry = (specifier: string) => {
  const file = join(project, `${specifier.replace(/\W+/g, '-')}.js`);
  writeFileSync(file, `import '${specifier}';\n`);
  return file;
};

const pages: { name: string; entry: string; budget?: number }[] = [
  { name: 'id-verify.js (script tag: the whole gate)', entry: join(root, 'src/script.ts'), budget: 20 * 1024 },
  { name: "import 'id-verify/motp-input' (a user's Vite build)", entry: userEntry('id-verify/motp-input'), budget: 8 * 1024 },
  { name: "import 'id-verify/pass-carrier-picker'", entry: userEntry('id-verify/pass-carrier-picker') },
  { name: "import 'id-verify/id-verify-gate'", entry: userEntry('id-verify/id-verify-gate') },
];

const gz = (code: string) => gzipSync(Buffer.from(code), { level: 9 }).length;

let over = false;
for (const { name, entry, budget } of pages) {
  const result = await build({
    configFile: false,
    root: entry.startsWith(project) ? project : root,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
      // As vite.config.ts's script build: shared code stays in the entry file.
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, comments: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunks = new Map(
    outputs.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c] as const),
  );
  // Everything reachable from the entry through static imports loads up front.
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    chunks.get(file)?.imports.forEach(visit);
  };
  visit([...chunks.values()].find((c) => c.isEntry)!.fileName);
  const initialBytes = [...initial].reduce((sum, file) => sum + gz(chunks.get(file)!.code), 0);
  const minBytes = [...initial].reduce((sum, file) => sum + chunks.get(file)!.code.length, 0);
  const lazy = [...chunks.values()].filter((c) => !initial.has(c.fileName));
  const ok = budget === undefined || initialBytes <= budget;
  over ||= !ok;
  const against = budget === undefined ? 'no budget' : `budget ${budget} B, ${((initialBytes / budget) * 100).toFixed(0)} %`;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: initial ${minBytes} B min, ${initialBytes} B min+gzip (${against}; ${initial.size} file(s))`,
  );
  for (const chunk of lazy) {
    const modules = Object.keys(chunk.modules).filter((id) => /\/(src|dist)\//.test(id) || id.includes('qrcode'));
    const has = (part: string) => modules.some((id) => id.includes(part));
    const what = has('qrcode')
      ? 'QR generator'
      : has('/phone/')
        ? 'phone path'
        : has('/window/')
          ? 'provider window (NICE)'
          : has('/i18n/en')
            ? 'English strings'
            : 'shared';
    console.log(`       on demand: ${what} ${gz(chunk.code)} B min+gzip`);
  }
}
rmSync(project, { recursive: true, force: true });
process.exit(over ? 1 : 0);
