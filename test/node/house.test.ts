/**
 * House rules the formatter cannot enforce: no line of a tracked .ts/.js file over 120 characters
 * (Biome breaks code, but not strings, comments or regexes), and no source file over 320 lines
 * (one concept per file; ~300 is the aim). A file that must break a rule is listed below with why.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MAX_WIDTH = 120;
const MAX_LINES = 320;
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** path → why it may exceed MAX_LINES. Empty today; add an entry only for a generated file. */
const LONG_FILE_EXCEPTIONS: ReadonlyMap<string, string> = new Map();
/** path → why it may hold lines over MAX_WIDTH. Empty today. */
const WIDE_LINE_EXCEPTIONS: ReadonlyMap<string, string> = new Map();

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-results', 'coverage', 'data', 'models']);

/** Tracked files from git; without a git checkout (a source tarball), every file outside build output. */
function sourceFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter((f) => SOURCE.test(f));
  } catch {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(join(dir, e.name));
        } else if (SOURCE.test(e.name)) found.push(relative(ROOT, join(dir, e.name)));
      }
    };
    walk(ROOT);
    return found;
  }
}

function read(file: string): string[] | null {
  try {
    return readFileSync(join(ROOT, file), 'utf8').split('\n');
  } catch {
    return null; // deleted in the work tree but still in the index
  }
}

describe('house rules', () => {
  const files = sourceFiles();

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('packages/sdk/src/index.ts');
  });

  it(`has no line over ${MAX_WIDTH} characters`, () => {
    const wide: string[] = [];
    for (const f of files) {
      if (WIDE_LINE_EXCEPTIONS.has(f)) continue;
      read(f)?.forEach((line, i) => {
        const width = [...line].length; // characters, not UTF-16 units or bytes
        if (width > MAX_WIDTH) wide.push(`${f}:${i + 1} (${width})`);
      });
    }
    expect(wide, 'break the string, comment or regex (see STYLE.md)').toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long: string[] = [];
    for (const f of files) {
      if (LONG_FILE_EXCEPTIONS.has(f)) continue;
      const lines = read(f);
      // A final newline ends the last line; it does not start another.
      const n = lines === null ? 0 : lines.length - (lines.at(-1) === '' ? 1 : 0);
      if (n > MAX_LINES) long.push(`${f} (${n})`);
    }
    expect(long, 'split by concept').toEqual([]);
  });

  it('lists only exceptions that exist', () => {
    for (const f of [...LONG_FILE_EXCEPTIONS.keys(), ...WIDE_LINE_EXCEPTIONS.keys()]) expect(files).toContain(f);
  });
});
