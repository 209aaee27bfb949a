/**
 * The error contract: docs/errors.md lists exactly the catalogued codes, codes follow the naming
 * scheme, and the session's typed event helper hands listeners the detail and removes them again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCodeOr, isHireNetErrorCode } from '@hirenet/sdk/internal/util/error-codes';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { SessionEvents, type SessionEventDetails } from '@hirenet/sdk/internal/session/events';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = readFileSync(resolve(ROOT, 'docs/errors.md'), 'utf8');

/**
 * Plain throws that stay (docs/errors.md, "Plain errors that remain"): invariants no input can
 * break, a test seam, and the Trusted Types policy's TypeError. `file → text the throw line contains`.
 */
const PLAIN_ALLOWED: readonly (readonly [string, string])[] = [
  ['packages/sdk/src/model/hirenet-model.ts', 'unreachable'],
  ['packages/sdk/src/session/backend-models.ts', 'keep('],
  ['packages/sdk/src/video/face-engine.ts', 'init() first'],
  ['packages/sdk/src/video/mediapipe-wasm.ts', 'HTTP '],
  ['packages/sdk/src/video/task-model.ts', 'HTTP '],
  ['packages/sdk/src/video/pose-engine.ts', 'init() first'],
  ['packages/sdk/src/video/vision-worker.ts', 'init() first'],
  ['packages/sdk/src/video/vision-worker.ts', 'simulated vision worker crash'],
  ['packages/sdk/src/util/test-seams.ts', 'crashFaceWorker'],
  ['packages/demo/src/main.ts', 'index.html lacks'],
  ['packages/demo/src/trusted-types.ts', 'refused'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    // testing/ folders hold test-only helpers that the build leaves out (tsconfig.build.json), like *.test.ts.
    if (d.isDirectory()) return ['node_modules', 'dist', 'testing'].includes(d.name) ? [] : sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('error catalogue', () => {
  it('docs/errors.md has one row per catalogued code, and no other', () => {
    const rows = [...DOC.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('codes are kebab-case with a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(meaning.length).toBeGreaterThan(10);
      expect(meaning).not.toContain('\n');
    }
  });

  it('no source throws a plain Error, RangeError or TypeError outside the documented invariants', () => {
    const found: string[] = [];
    for (const pkg of readdirSync(resolve(ROOT, 'packages'))) {
      for (const file of sources(resolve(ROOT, 'packages', pkg, 'src'))) {
        const rel = relative(ROOT, file);
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (!/throw new (?:Range|Type)?Error\(/.test(line)) return;
            if (PLAIN_ALLOWED.some(([f, text]) => f === rel && line.includes(text))) return;
            found.push(`${rel}:${i + 1}`);
          });
      }
    }
    expect(found, 'throw a HireNetError with a catalogued code instead').toEqual([]);
  });

  it('recognises catalogued codes only', () => {
    expect(isHireNetErrorCode('consent-required')).toBe(true);
    expect(isHireNetErrorCode('video')).toBe(false);
    expect(isHireNetErrorCode('toString')).toBe(false);
    expect(errorCodeOr('nope', 'chromium-failed')).toBe('chromium-failed');
    expect(new HireNetError('usage', 'x').name).toBe('HireNetError');
  });
});

class Emitter extends SessionEvents {
  fire<K extends keyof SessionEventDetails>(type: K, detail: SessionEventDetails[K]): void {
    this.emit(type, detail);
  }
}

describe('typed session events', () => {
  it('on() hands the detail to the listener and its remover stops it', () => {
    const e = new Emitter();
    const seen: number[] = [];
    const off = e.on('progress', (p) => seen.push(p.answer ?? -1));
    e.fire('progress', { stage: 'answer-started', answer: 2 });
    off();
    e.fire('progress', { stage: 'scored' });
    expect(seen).toEqual([2]);
  });

  it('addEventListener receives a CustomEvent with the typed detail', () => {
    const e = new Emitter();
    const codes: string[] = [];
    const listener = (ev: CustomEvent<SessionEventDetails['warning']>): void => void codes.push(ev.detail.code);
    e.addEventListener('warning', listener);
    e.fire('warning', { code: 'silence', message: 'no speech' });
    e.removeEventListener('warning', listener);
    e.fire('warning', { code: 'no-face', message: 'no face' });
    expect(codes).toEqual(['silence']);
  });
});
