/**
 * A tiny element builder, so screens read as a tree instead of a page of createElement calls.
 * Text always goes in as text nodes: nothing the candidate types (job titles, questions) can
 * become markup. Host- or user-supplied text goes through `isolate`, so its bidi controls
 * (e.g. U+202E) cannot reorder the label text around it.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    // CSSOM, not the style attribute: a CSP without style-src 'unsafe-inline' blocks the attribute.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: readonly (Child | readonly Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces everything inside `el`. */
export function replace(el: Element, ...children: (Child | readonly Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * Host- or user-supplied text (job title, question, file name, note) as a `<bdi>`: its own
 * direction is taken from its first strong character and its bidi controls end with the element
 * (`unicode-bidi: isolate`), so neighbouring label text keeps its order.
 */
export function isolate(text: string, attrs: Attrs = {}): HTMLElement {
  return h('bdi', { dir: 'auto', ...attrs }, text);
}

/**
 * The same isolation for a plain-text context (document.title, an aria-label, an attribute):
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around the text.
 */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}

export function button(label: Child | readonly Child[], onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Formats seconds as m:ss for timers and time axes. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
