/**
 * The check a saved report must pass before `hirenet analyze` writes it: nothing in it may be
 * fetched over the network (it must open offline, from a file, and leak nothing when opened).
 * The snapshot itself is taken in the page (packages/demo/src/analyze.ts, `hirenetSnapshot`).
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

const FETCHING = new Set(['src', 'href', 'srcset', 'action', 'poster', 'data', 'formaction', 'background']);
const ATTRIBUTE = /([^\s"'=<>/]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NETWORK = /^\s*((?:https?:)?\/\/[^"'\s>]+)/i;
const CSS_URL = /url\(\s*["']?\s*((?:https?:)?\/\/[^"')\s]+)/gi;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']([^"']+)/gi;

/**
 * URLs in `html` that a browser would fetch from a network origin (http, https, protocol-relative):
 * in tags' attributes (style attributes included) and in <style> sheets. Text is never fetched, so
 * a question that mentions `url(https://…)` or `<img src="https://…">` (serialised as text) is not
 * one; neither is a <script>'s body, where such text can sit in data.
 */
export function externalRefs(html: string): string[] {
  const sheets: string[] = [];
  // Raw-text elements keep their start tag (its attributes count) and lose their body.
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi, (_m, name: string, attrs: string, body: string) => {
      if (name.toLowerCase() === 'style') sheets.push(body);
      return `<${name}${attrs}></${name}>`;
    });
  const refs: string[] = [];
  for (const tag of markup.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    // Attribute by attribute: a title or aria-label holding host text that mentions a URL is not a fetch.
    for (const [, name = '', ...values] of tag.replace(/^<[a-zA-Z][^\s/>]*/, '').matchAll(ATTRIBUTE)) {
      const value = values.find((v) => v !== undefined) ?? '';
      const attr = name.toLowerCase();
      const direct = FETCHING.has(attr) ? NETWORK.exec(value)?.[1] : undefined;
      if (direct !== undefined) refs.push(direct);
      if (attr === 'style') refs.push(...[...value.matchAll(CSS_URL)].map((m) => m[1]!));
    }
  }
  for (const css of sheets)
    refs.push(...[...css.matchAll(CSS_URL)].map((m) => m[1]!), ...[...css.matchAll(CSS_IMPORT)].map((m) => m[1]!));
  return refs;
}

export function assertSelfContained(html: string): void {
  const refs = externalRefs(html);
  if (refs.length > 0)
    throw new HireNetError(
      'report-not-self-contained',
      `the report still references ${refs.length} external URL(s), e.g. ${refs[0]}`,
    );
}
