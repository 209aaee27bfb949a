/**
 * The error contract: docs/errors.md lists exactly the catalogued codes, codes follow the naming
 * scheme, and the session's typed event helper hands listeners the detail and removes them again.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCodeOr, isHireNetErrorCode } from '@hirenet/sdk/internal/util/error-codes';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { SessionEvents, type SessionEventDetails } from '@hirenet/sdk/internal/session/events';

const DOC = readFileSync(resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');

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
