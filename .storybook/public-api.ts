/**
 * What Storybook reads from custom-elements.json: the elements' public API only. The analyzer
 * lists every class member (private fields, `#private` ones, statics, methods); Storybook would
 * turn each field into a control and a docs row. Here the manifest keeps the public properties,
 * attributes, events, slots and CSS parts/properties, and the controls are set from their types.
 */
import type { ArgTypesEnhancer, StrictArgTypes } from 'storybook/internal/types';

/** The parts of a manifest member or attribute read here. */
interface ManifestItem {
  kind?: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  description?: string;
  type?: { text?: string };
  attribute?: string;
  fieldName?: string;
}

/** One declaration of a module (a custom element when it has a `tagName`). */
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  [key: string]: unknown;
}

/** The parts of custom-elements.json read here. */
export interface Manifest {
  modules: { declarations?: ManifestDeclaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** A field a page may read or set: public, on instances, not `#private` or `_internal`. */
const isPublicField = (member: ManifestItem) =>
  member.kind === 'field' && (member.privacy ?? 'public') === 'public' && !member.static && !/^[#_]/.test(member.name);

/**
 * Keeps each element's public fields and drops its methods (Storybook lists no methods) and
 * private state. An attribute backing a public field is named in the field's description
 * instead of getting a row (and a second control) of its own.
 */
function publicDeclaration(declaration: ManifestDeclaration): ManifestDeclaration {
  const members = (declaration.members ?? []).filter(isPublicField).map((member) =>
    member.attribute && member.attribute !== member.name
      ? { ...member, description: `${member.description ?? ''} Attribute: \`${member.attribute}\`.`.trim() }
      : member,
  );
  const fields = new Set(members.map((member) => member.name));
  const attributes = (declaration.attributes ?? []).filter((attribute) => !attribute.fieldName || !fields.has(attribute.fieldName));
  return { ...declaration, members, attributes };
}

/** The manifest with every element reduced to its public API. */
export function publicManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((declaration) => (declaration.tagName ? publicDeclaration(declaration) : declaration)),
    })),
  };
}

/** `'a' | 'b'` → `['a', 'b']`; undefined when the type is not a union of string literals only. */
function stringLiterals(type: string): string[] | undefined {
  const parts = type.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  const literals = parts.map((part) => /^'([^']*)'$/.exec(part)?.[1]);
  return literals.length > 0 && literals.every((literal) => literal !== undefined) ? (literals as string[]) : undefined;
}

/** The control for a field of manifest type `type`, or false when no control can set it. */
function controlFor(type = ''): { control: false } | { control: { type: string }; options?: string[] } {
  const plain = type.replace(/\s*\|\s*undefined$/, '');
  if (plain === 'string') return { control: { type: 'text' } };
  if (plain === 'boolean') return { control: { type: 'boolean' } };
  if (plain === 'number') return { control: { type: 'number' } };
  const options = stringLiterals(type);
  return options ? { control: { type: options.length <= 4 ? 'inline-radio' : 'select' }, options } : { control: false };
}

/**
 * Sets the controls of manifest-derived rows a story did not set itself: text, boolean, number
 * and option controls for fields of those types; none for read-only fields, objects, events,
 * slots and CSS (documented in the table, not settable by a control).
 */
export function controlsFromManifest(manifest: Manifest): ArgTypesEnhancer {
  const fields = new Map<string, Map<string, ManifestItem>>();
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.tagName) fields.set(declaration.tagName, new Map((declaration.members ?? []).map((member) => [member.name, member])));
    }
  }
  return (context) => {
    const own = fields.get(String(context.component ?? ''));
    const argTypes: StrictArgTypes = { ...context.argTypes };
    for (const [name, argType] of Object.entries(argTypes)) {
      if (argType.control !== undefined || !argType.table?.category) continue;
      const field = own?.get(name);
      argTypes[name] = { ...argType, ...(field && !field.readonly ? controlFor(field.type?.text) : { control: false }) };
    }
    return argTypes;
  };
}
