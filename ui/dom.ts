/// <reference lib="dom" />
/**
 * The sidebar builds its DOM with these few functions only. Every string becomes a text
 * node or an attribute value, never markup, so a customer named `<img onerror=…>` is
 * shown as those characters (issue 6, "Safety"; a test greps ui/ for the markup APIs).
 */

export type Child = Node | string | number | null | undefined | false;

type Handler = (event: Event) => void;

export interface Props {
  readonly class?: string;
  readonly id?: string;
  /** Attributes set with setAttribute (aria-*, role, for, type, …). */
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly on?: Readonly<Record<string, Handler>>;
  readonly style?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    if (props.class) node.className = props.class;
    if (props.id) node.id = props.id;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [name, handler] of Object.entries(props.on ?? {})) node.addEventListener(name, handler);
    for (const [name, value] of Object.entries(props.style ?? {})) node.style.setProperty(name, value);
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces everything inside `parent` with `children`. */
export function fill(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Readonly<Record<string, string | number>>, ...children: (SVGElement | string)[]): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

let nextId = 0;
/** A unique id for pairing a label with its control. */
export function uid(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
