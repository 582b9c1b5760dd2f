/** Registers our custom elements, one way for all of them. */

/**
 * Defines `name` as `element` unless the name is taken. A page may load the bundle twice, or
 * another library may use the same name: the element already there stays, and when it is of
 * another class the console names both, instead of leaving the page to guess why ours is absent.
 * `className` is given for the public elements because the script-tag build minifies
 * `element.name` away.
 */
export function define(name: string, element: CustomElementConstructor, className = element.name): void {
  const holder = customElements.get(name);
  if (!holder) customElements.define(name, element);
  else if (holder !== element) {
    // The one console line the elements write: the page's developer must see it.
    // eslint-disable-next-line no-console
    console.warn(`<${name}> is ${holder.name || 'another class'}, not id-verify's ${className}`);
  }
}
