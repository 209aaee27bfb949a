/**
 * The check a saved report must pass before `hirenet analyze` writes it: nothing in it may be
 * fetched over the network (it must open offline, from a file, and leak nothing when opened).
 * The snapshot itself is taken in the page (packages/demo/src/analyze.ts, `hirenetSnapshot`).
 */
import { HireNetError } from '../util/errors.ts';

/** URLs in `html` that a browser would fetch from a network origin (http, https, protocol-relative). */
export function externalRefs(html: string): string[] {
  const attrs = [...html.matchAll(/\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi)].map((m) => m[1]!);
  const css = [...html.matchAll(/url\(\s*["']?\s*((?:https?:)?\/\/[^"')\s]+)/gi)].map((m) => m[1]!);
  const imports = [...html.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)/gi)].map((m) => m[1]!);
  return [...attrs, ...css, ...imports];
}

export function assertSelfContained(html: string): void {
  const refs = externalRefs(html);
  if (refs.length > 0) throw new HireNetError('report-not-self-contained', `the report still references ${refs.length} external URL(s), e.g. ${refs[0]}`);
}
