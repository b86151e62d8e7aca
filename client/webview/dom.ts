/**
 * The one way the webview builds DOM: elements from a tag, attributes set with `setAttribute`, and
 * children that are nodes or plain strings (which become text nodes). Nothing here parses HTML, so
 * a name such as `<img src=x onerror=alert(1)>` can only ever appear as text.
 */

/** A child of `h`: a node, a string shown as text, or nothing. */
export type Child = Node | string | null | undefined | false;

/** Attributes and properties for `h`. `on*` attributes and `style` are refused: behaviour is wired in code. */
export interface ElementProps {
  readonly class?: string;
  readonly id?: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
}

/** Creates an element with text-only children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.id) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttr(element, name, value);
  append(element, children);
  return element;
}

/** Sets (or, for null, false and undefined, removes) an attribute; event-handler attributes are refused. */
export function setAttr(
  element: Element,
  name: string,
  value: string | number | boolean | null | undefined,
): void {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
    throw new Error(`attribute ${name} is not set from data`);
  }
  if (value === null || value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : String(value));
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
