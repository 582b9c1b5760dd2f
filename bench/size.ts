/**
 * `npm run size`: builds the script-tag bundle and `<motp-input>` alone, and prints their
 * min+gzip (-9) sizes against the budgets of docs/architecture.md. "Initial" is what a page downloads before
 * the learner does anything: the entry file and every chunk it imports statically. Chunks
 * loaded on demand (the phone path, the QR generator) are listed apart. Exits non-zero over
 * budget. Results are recorded in bench/RESULTS.md.
 */
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const budgets = [
  { name: 'id-verify.js (whole gate, script tag)', entry: 'src/script.ts', budget: 20 * 1024 },
  { name: '<motp-input> alone', entry: 'src/motp-input/define.ts', budget: 8 * 1024 },
];

const gz = (code: string) => gzipSync(Buffer.from(code), { level: 9 }).length;

let over = false;
for (const { name, entry, budget } of budgets) {
  const result = await build({
    configFile: false,
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
  const ok = initialBytes <= budget;
  over ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: initial ${minBytes} B min, ${initialBytes} B min+gzip ` +
      `(budget ${budget} B, ${((initialBytes / budget) * 100).toFixed(0)} %; ${initial.size} file(s))`,
  );
  for (const chunk of lazy) {
    const modules = Object.keys(chunk.modules).filter((id) => id.includes('/src/') || id.includes('node_modules/qrcode'));
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
process.exit(over ? 1 : 0);
