/** Declares an element's own reactive state without decorators (their helpers cost bytes). */
import type { PropertyDeclarations } from 'lit';

/** `{ name: { state: true }, … }` for each name: private fields that re-render the element. */
export const states = (...names: string[]): PropertyDeclarations =>
  Object.fromEntries(names.map((name) => [name, { state: true }]));
