/**
 * `npm run size`: builds the script-tag bundle and `<motp-input>` alone, and prints their
 * min+gzip (-9) sizes against DESIGN §6's budgets. Exits non-zero over budget.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const budgets = [
  { name: 'id-verify.js (whole gate, script tag)', entry: 'src/index.ts', budget: 20 * 1024 },
  { name: '<motp-input> alone', entry: 'src/motp-input/define.ts', budget: 8 * 1024 },
];

let over = false;
for (const { name, entry, budget } of budgets) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const main = chunks.find((c) => c.isEntry)!;
  const minified = Buffer.from(main.code);
  const gz = gzipSync(minified, { level: 9 }).length;
  const lazy = chunks.filter((c) => !c.isEntry).map((c) => `${c.fileName} ${gzipSync(Buffer.from(c.code), { level: 9 }).length} B gz`);
  const ok = gz <= budget;
  over ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: ${minified.length} B min, ${gz} B min+gzip (budget ${budget} B, ${((gz / budget) * 100).toFixed(0)} %)` +
      (lazy.length ? `\n      lazy chunks: ${lazy.join(', ')}` : ''),
  );
}
process.exit(over ? 1 : 0);
