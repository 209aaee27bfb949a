/**
 * docs/api.md lists every export of every public entry of @hirenet/sdk, one line each. This test
 * reads the entries from packages/sdk/package.json "exports", imports each one for its values,
 * scans its source for its types, and fails when an entry's export list and docs/api.md differ
 * in either direction (a new export not documented, or a documented one that is gone).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SDK = resolve(ROOT, 'packages/sdk');

interface ExportTarget {
  readonly source?: string;
}

/** Public entries: every "exports" key with a TypeScript source, but the internal/* escape hatch and the bundle. */
function publicEntries(): { specifier: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(resolve(SDK, 'package.json'), 'utf8')) as {
    exports: Record<string, ExportTarget | string>;
  };
  return Object.entries(pkg.exports)
    .filter(([key, target]) => typeof target === 'object' && target.source !== undefined && !key.includes('*'))
    .filter(([key]) => key !== './bundle') // the same source as '.', built into one file
    .map(([key, target]) => ({
      specifier: key === '.' ? '@hirenet/sdk' : `@hirenet/sdk/${key.slice(2)}`,
      source: resolve(SDK, (target as ExportTarget).source!),
    }));
}

/** Type-only names of an entry file: `export type { A }` and `export { type B }` (with `as` renames). */
function typeExports(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const raw of m[2]!.split(',')) {
      const item = raw.replace(/\/\/.*$/gm, '').trim();
      if (item === '') continue;
      const isType = m[1] !== undefined || item.startsWith('type ');
      if (!isType) continue;
      const parts = item.replace(/^type\s+/, '').split(/\s+as\s+/);
      names.push(parts[parts.length - 1]!.trim());
    }
  }
  for (const m of source.matchAll(/^export\s+(?:interface|type)\s+([A-Za-z0-9_]+)/gm)) names.push(m[1]!);
  return names;
}

/** docs/api.md: `## \`@hirenet/sdk…\`` headings, then one `- \`Name\` …` line per export. */
function documented(): Map<string, string[]> {
  const text = readFileSync(resolve(ROOT, 'docs/api.md'), 'utf8');
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const heading = /^## `(@hirenet\/sdk[^`]*)`/.exec(line);
    if (heading) {
      current = [];
      out.set(heading[1]!, current);
      continue;
    }
    if (line.startsWith('## ')) current = undefined;
    const item = /^- (?:type )?`([A-Za-z0-9_$]+)`/.exec(line);
    if (item && current) current.push(item[1]!);
  }
  return out;
}

describe('public API (docs/api.md)', () => {
  const docs = documented();
  const entries = publicEntries();

  it('documents exactly the entries package.json exports', () => {
    expect([...docs.keys()].sort()).toEqual(entries.map((e) => e.specifier).sort());
  });

  for (const entry of entries) {
    it(`${entry.specifier}: every value and type is listed once, and nothing else`, async () => {
      const mod = (await import(entry.specifier)) as Record<string, unknown>;
      const actual = [...Object.keys(mod), ...typeExports(readFileSync(entry.source, 'utf8'))].sort();
      const listed = [...(docs.get(entry.specifier) ?? [])].sort();
      expect(new Set(listed).size, 'a name is listed twice').toBe(listed.length);
      expect(listed).toEqual(actual);
    });
  }

  it('keeps the main entry small (the session use case)', async () => {
    const mod = (await import('@hirenet/sdk')) as Record<string, unknown>;
    expect(Object.keys(mod).length).toBeLessThanOrEqual(30);
    for (const name of ['HireNet', 'InterviewSession', 'requestInterviewMedia', 'HireNetError', 'ERROR_CODES'])
      expect(mod).toHaveProperty(name);
  });
});
