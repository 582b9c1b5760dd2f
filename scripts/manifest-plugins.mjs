// Plugins of the custom-elements manifest analyzer (custom-elements-manifest.config.mjs). The
// analyzer reads elements out of the code and gets some things wrong for us: it misses the
// registrations made through our `define()` helper, writes an event for every
// `dispatchEvent(new X(arg))` named after `arg`, lists the gate's internal steps as if pages
// used them, and gives paths to sources the package does not ship.

import { readFileSync } from 'node:fs';

/**
 * The public elements: one per-element entry of the widget package each
 * (`"./motp-input": "./dist/motp-input/define.js"` → `<motp-input>`). Every other element is
 * rendered inside the gate's shadow root and is not for pages.
 */
function publicTags() {
  const { exports } = JSON.parse(readFileSync(new URL('../packages/widget/package.json', import.meta.url), 'utf8'));
  return new Set(
    Object.entries(exports)
      .filter(([, target]) => /\/define\.js$/.test(typeof target === 'string' ? target : (target.default ?? '')))
      .map(([subpath]) => subpath.replace(/^\.\//, '')),
  );
}

/** `src/x/y.ts`, `/src/x/y.js` → `src/x/y` (how modules and references name one file). */
const moduleKey = (path) => path.replace(/^\//, '').replace(/\.(ts|js)$/, '');

/**
 * Registrations through our `define(name, Class)` helper (src/internal/define.ts), which the
 * analyzer does not know: it only reads `customElements.define(…)` calls. Each becomes a
 * `custom-element-definition`, as the analyzer writes for those.
 */
export function defineHelperCalls() {
  return {
    name: 'id-verify:define-helper-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (node.kind !== ts.SyntaxKind.CallExpression || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const helper = context.imports?.find((entry) => entry.name === 'define');
      if (!helper?.importPath?.endsWith('internal/define.js')) return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      const imported = context.imports?.find((entry) => entry.name === element.text);
      const module = imported ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module } },
      ];
    },
  };
}

/** Names declared by the `@fires` / `@event` lines above a class. */
function documentedEventNames(ts, node) {
  return ts
    .getJSDocTags(node)
    .filter((tag) => tag.tagName.text === 'fires' || tag.tagName.text === 'event')
    .map((tag) => {
      const text = typeof tag.comment === 'string' ? tag.comment : (tag.comment ?? []).map((part) => part.text).join('');
      return /^\s*(?:\{[^}]*\}\s*)?([\w:-]+)/.exec(text)?.[1];
    })
    .filter(Boolean);
}

/**
 * Keeps only the events a class's JSDoc declares with `@fires {Type} name - …`; an event
 * declared without a type is a plain `Event`. What the analyzer found in the code is dropped:
 * it names events after the variable passed to the event's constructor.
 */
export function documentedEventsOnly() {
  /** `module#Class` → the event names its JSDoc declares. */
  const declared = new Map();
  return {
    name: 'id-verify:documented-events-only',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ClassDeclaration || !node.name) return;
      declared.set(`${moduleKey(moduleDoc.path)}#${node.name.getText()}`, new Set(documentedEventNames(ts, node)));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.events) continue;
          const names = declared.get(`${moduleKey(mod.path)}#${declaration.name}`) ?? new Set();
          declaration.events = declaration.events
            .filter((event) => names.has(event.name))
            .map((event) => ({ ...event, type: event.type ?? { text: 'Event' } }));
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

/**
 * Keeps the package's public elements (one per-element entry each) and drops every other
 * element class, with its registration and its module's references to it: the gate's steps
 * are rendered inside its shadow root, not used by pages.
 */
export function publicElementsOnly() {
  return {
    name: 'id-verify:public-elements-only',
    packageLinkPhase({ customElementsManifest }) {
      const tags = publicTags();
      const publicElements = new Set();
      for (const mod of customElementsManifest.modules) {
        mod.exports = (mod.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition' || tags.has(entry.name));
        for (const entry of mod.exports) {
          if (entry.kind === 'custom-element-definition') publicElements.add(`${moduleKey(entry.declaration.module ?? mod.path)}#${entry.declaration.name}`);
        }
      }
      // An element class: marked so by the analyzer, or extending one (the steps extend a base).
      const declarations = new Map(
        customElementsManifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => [`${moduleKey(mod.path)}#${d.name}`, d])),
      );
      const isElement = (declaration, seen = new Set()) => {
        if (declaration.customElement) return true;
        const parent = declaration.superclass?.module && declarations.get(`${moduleKey(declaration.superclass.module)}#${declaration.superclass.name}`);
        return Boolean(parent && !seen.has(parent) && isElement(parent, seen.add(parent)));
      };
      const isPrivateElement = (mod, declaration) =>
        isElement(declaration) && !publicElements.has(`${moduleKey(mod.path)}#${declaration.name}`);
      const dropped = new Set();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (isPrivateElement(mod, declaration)) dropped.add(`${moduleKey(mod.path)}#${declaration.name}`);
        }
        mod.declarations = (mod.declarations ?? []).filter((declaration) => !isPrivateElement(mod, declaration));
      }
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports.filter(
          (entry) => !dropped.has(`${moduleKey(entry.declaration?.module ?? mod.path)}#${entry.declaration?.name}`),
        );
      }
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (mod) => mod.declarations.length > 0 || mod.exports.length > 0,
      );
    },
  };
}

/** Rewrites every `path` and `module` from the sources (`src/x.ts`) to the shipped file (`dist/x.js`). */
export function pathsIntoDist() {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') {
        value[key] = child.replace(/^\/?src\/(.+)\.(ts|js)$/, 'dist/$1.js');
      } else {
        rewrite(child);
      }
    }
  };
  return {
    name: 'id-verify:paths-into-dist',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest.modules);
    },
  };
}
