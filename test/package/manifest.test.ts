/**
 * custom-elements.json as the build writes it, checked against the sources: the public
 * elements only, typed events and no invented ones, paths into the shipped dist/, and every
 * theme token and part the elements' styles and templates really use.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');

interface Named {
  name: string;
  type?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: Named[];
  cssProperties?: Named[];
  cssParts?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[] }[];
}

/** The source module behind a shipped path (`dist/x/y.js` → `src/x/y.ts`). */
const sourceOf = (path: string) => path.replace(/^dist\/(.+)\.js$/, 'src/$1.ts');

/** Every relative import (static and dynamic) of a source module, as source paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(?\s*)'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

/** The source modules an element runs: its own and everything it imports, loaded now or on demand. */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(root, file))) return;
    seen.add(file);
    importsOf(file).forEach(visit);
  };
  visit(entry);
  return [...seen];
}

/**
 * Theme tokens (`--idv-*`) the modules' styles take effect through: read with `var()` where a
 * style uses them, or mapped to a private alias (`--_muted: var(--idv-color-muted, …)`, the
 * shared token file) that some style of the element then reads.
 */
function tokensUsed(files: string[]): Set<string> {
  const text = files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
  const aliasDefinition = /(--_[\w-]+)\s*:\s*var\((--idv-[\w-]+)/g;
  const aliases = new Map([...text.matchAll(aliasDefinition)].map((m) => [m[1]!, m[2]!] as const));
  const direct = [...text.replace(aliasDefinition, '').matchAll(/var\((--idv-[\w-]+)/g)].map((m) => m[1]!);
  const throughAliases = [...text.matchAll(/var\((--_[\w-]+)/g)].map((m) => aliases.get(m[1]!)).filter((t): t is string => !!t);
  return new Set([...direct, ...throughAliases]);
}

/** Parts an element's own template exposes: `part="…"` / `part=${… '…' …}` and `exportparts`. */
function partsExposed(file: string): Set<string> {
  const text = readFileSync(join(root, file), 'utf8');
  const parts = new Set<string>();
  for (const [, literal, expression] of text.matchAll(/\bpart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
    const values = literal !== undefined ? [literal] : [...expression!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    for (const value of values) value.split(/\s+/).filter(Boolean).forEach((part) => parts.add(part));
  }
  for (const [, list] of text.matchAll(/\bexportparts="([^"]*)"/g)) {
    for (const entry of list!.split(',')) parts.add(entry.split(':').pop()!.trim());
  }
  return parts;
}

/** Event names the package's typed events declare (`static readonly eventName = '…'`), by class. */
function typedEventNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of ['src/events.ts', 'src/motp-input/events.ts']) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, cls, name] of text.matchAll(/class (\w+) extends \w*Event \{[^]*?static readonly eventName = '([\w-]+)'/g)) names.set(cls!, name!);
  }
  return names;
}

describe('custom-elements.json', () => {
  let dir: string;
  let manifest: Manifest;
  let elements: { path: string; declaration: Declaration }[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-cem-'));
    // The analyzer takes --outdir relative to the working directory.
    const run = spawnSync('npx', ['cem', 'analyze', '--quiet', '--outdir', relative(root, dir)], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as Manifest;
    elements = manifest.modules.flatMap((mod) =>
      (mod.declarations ?? []).filter((d) => d.customElement).map((declaration) => ({ path: mod.path, declaration })),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('lists the three public elements under their tags, and no internal step', () => {
    assert.deepEqual(elements.map((e) => e.declaration.tagName).sort(), ['id-verify-gate', 'motp-input', 'pass-carrier-picker']);
    const definitions = manifest.modules.flatMap((mod) => (mod.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
    assert.deepEqual(definitions.map((d) => d.name).sort(), ['id-verify-gate', 'motp-input', 'pass-carrier-picker']);
    const classes = manifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => d.name));
    for (const internal of ['StepBase', 'ConsentStep', 'MotpStep', 'CaptchaField', 'PhoneIntroStep', 'PhoneSmsStep', 'PhoneWindowStep']) {
      assert.ok(!classes.includes(internal), `${internal} is internal`);
    }
  });

  test('every path points at a file the widget build ships from dist/', () => {
    const paths = [
      ...manifest.modules.map((mod) => mod.path),
      ...manifest.modules.flatMap((mod) => (mod.exports ?? []).map((e) => e.declaration.module).filter((m): m is string => !!m && !m.startsWith('.'))),
    ];
    for (const path of paths) {
      assert.match(path, /^dist\/[\w/.-]+\.js$/, `${path} is not in dist/`);
      const source = sourceOf(path);
      assert.ok(existsSync(join(root, source)), `${path}: no ${source} to build it from`);
      assert.ok(!/^src\/(server|dev)\//.test(source), `${path} is not part of the widget package`);
    }
  });

  test('events: each named and typed, none invented from variable names, every typed event the element dispatches', () => {
    const known = typedEventNames();
    const nativeNames = new Set(['input', 'change']);
    for (const { path, declaration } of elements) {
      const events = declaration.events ?? [];
      for (const event of events) {
        assert.ok(event.name, `${declaration.tagName}: an event without a name`);
        assert.ok(event.type?.text, `${declaration.tagName} ${event.name}: no type`);
        const typedAs = known.get(event.type!.text);
        if (typedAs) assert.equal(event.name, typedAs, `${declaration.tagName}: ${event.type!.text} is dispatched as ${typedAs}`);
        else assert.ok(nativeNames.has(event.name) && event.type!.text === 'Event', `${declaration.tagName}: unknown event ${event.name}`);
      }
      const source = readFileSync(join(root, sourceOf(path)), 'utf8');
      for (const [, cls] of source.matchAll(/dispatchEvent\(new (\w+)\(/g)) {
        if (!known.has(cls!)) continue;
        assert.ok(
          events.some((e) => e.name === known.get(cls!) && e.type?.text === cls),
          `${declaration.tagName} dispatches ${cls} but does not declare it with @fires {${cls}} ${known.get(cls!)}`,
        );
      }
    }
  });

  test('every --idv-* token the element and what it renders read is documented, and nothing else', () => {
    for (const { path, declaration } of elements) {
      const used = tokensUsed(moduleGraph(sourceOf(path)));
      const documented = new Set((declaration.cssProperties ?? []).map((p) => p.name));
      const missing = [...used].filter((name) => !documented.has(name));
      const stale = [...documented].filter((name) => !used.has(name));
      assert.deepEqual(missing, [], `${declaration.tagName}: add @cssproperty lines for ${missing.join(', ')}`);
      assert.deepEqual(stale, [], `${declaration.tagName}: documents tokens it never reads: ${stale.join(', ')}`);
    }
  });

  test('every part the element exposes is documented, and nothing else', () => {
    for (const { path, declaration } of elements) {
      const exposed = [...partsExposed(sourceOf(path))].sort();
      const documented = (declaration.cssParts ?? []).map((p) => p.name).sort();
      assert.deepEqual(documented, exposed, `${declaration.tagName}: @csspart lines and the template disagree`);
    }
  });
});
