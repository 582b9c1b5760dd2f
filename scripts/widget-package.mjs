// The last step of the widget package's build (`npm run build:widget`, after the analyzer,
// Vite and tsc): puts the manifest, README and LICENSE into packages/widget/, and writes the
// framework typings from custom-elements.json into its dist/:
//   dist/vue.d.ts       `id-verify/vue`: Vue's GlobalComponents, so `vue-tsc` with strict
//                       templates checks the tags' attributes, properties and `@event`s
//   dist/react-jsx.d.ts `id-verify/react-jsx`: React 19's JSX.IntrinsicElements for the bare
//                       tags, with `on<event-name>` handlers the way React 19 passes them
// Each comes with an empty .js so that both entries also resolve at run time.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';

const PACKAGE = 'packages/widget';
for (const file of ['custom-elements.json', 'README.md', 'LICENSE']) copyFileSync(file, `${PACKAGE}/${file}`);

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

/** Where each declaration of the manifest lives, by name. */
const modules = new Map(manifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => [d.name, mod.path])));

/** `dist/x/y.js` as imported from a file in dist/. */
const fromDist = (path) => `./${posix.relative('dist', path)}`;

const elements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tag: d.tagName,
      className: d.name,
      module: mod.path,
      summary: (d.summary ?? d.description ?? '').split(/(?<=\.)\s/)[0],
      // What a page may set: public fields that are not read-only and not static.
      props: (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
        .map((m) => m.name),
      events: (d.events ?? []).map((e) => ({ name: e.name, type: e.type?.text ?? 'Event', description: e.description ?? '' })),
    })),
);
if (elements.length === 0) throw new Error('custom-elements.json lists no elements: run `npm run analyze` first');

/** `import type` lines for the element classes and the event classes the typings name. */
function imports() {
  const names = new Set([...elements.map((e) => e.className), ...elements.flatMap((e) => e.events.map((ev) => ev.type))]);
  names.delete('Event');
  const byModule = new Map();
  for (const name of [...names].sort()) {
    const path = modules.get(name);
    if (!path) throw new Error(`custom-elements.json does not say where ${name} is declared`);
    byModule.set(path, [...(byModule.get(path) ?? []), name]);
  }
  return [...byModule].map(([path, list]) => `import type { ${list.join(', ')} } from '${fromDist(path)}';`).join('\n');
}

const header = (what) => `// ${what}\n// Generated from custom-elements.json by scripts/widget-package.mjs; do not edit.\n`;
const keys = (list) => (list.length ? list.map((k) => `'${k}'`).join(' | ') : 'never');
const doc = (text) => (text ? `/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()} */\n` : '');

const vue = `${header("Vue 3: the elements in GlobalComponents. Use: /// <reference types=\"id-verify/vue\" />, and tell Vue's compiler they are custom elements (isCustomElement).")}
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports()}

/** A custom element as Vue's template type-checker sees it: its settable properties and its events. */
type DefineCustomElement<E extends HTMLElement, Events extends Record<string, Event>, Props extends keyof E> = new () => E & {
  /** For template type-checking only. */
  $props: HTMLAttributes & Partial<Pick<E, Props>> & PublicProps;
  /** For template type-checking only. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${elements
  .map(
    (e) =>
      `    ${doc(e.summary)}    '${e.tag}': DefineCustomElement<${e.className}, { ${e.events.map((ev) => `'${ev.name}': ${ev.type}`).join('; ')} }, ${keys(e.props)}>;`,
  )
  .join('\n')}
  }
}

export {};
`;

const reactJsx = `${header('React 19: the bare tags in JSX. Use: import type {} from \'id-verify/react-jsx\'. Handlers are named as React 19 passes them: on + the event\'s own name.')}
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports()}

/** A bare tag's props: React's HTML attributes, the element's settable properties, and its event handlers. */
type ElementProps<E extends HTMLElement, Props extends keyof E, Handlers> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Pick<E, Props>> & Handlers;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements
  .map(
    (e) =>
      `      ${doc(e.summary)}      '${e.tag}': ElementProps<${e.className}, ${keys(e.props)}, {\n${e.events
        .map((ev) => `        ${doc(ev.description)}        'on${ev.name}'?: (event: ${ev.type}) => void;`)
        .join('\n')}\n      }>;`,
  )
  .join('\n')}
    }
  }
}

export {};
`;

for (const [name, text] of [['vue', vue], ['react-jsx', reactJsx]]) {
  writeFileSync(`${PACKAGE}/dist/${name}.d.ts`, text);
  writeFileSync(`${PACKAGE}/dist/${name}.js`, `// Types only: see ${name}.d.ts.\nexport {};\n`);
}
console.log(`${PACKAGE}: manifest, README, LICENSE; typings for Vue and React JSX (${elements.map((e) => e.tag).join(', ')})`);
