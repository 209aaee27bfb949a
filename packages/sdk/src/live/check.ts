/**
 * Small structural checks shared by the signaling and cue validators. Each one throws a
 * `malformed`-style LiveError naming the path, so a refusal says exactly which field was wrong.
 */
import { LiveError, type LiveErrorCode } from './errors.ts';

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function fail(code: LiveErrorCode, path: string, what: string): never {
  throw new LiveError(code, `${path}: ${what}`);
}

/** The object at `path`, with no keys beyond `allowed` (extra fields are refused, not ignored). */
export function record(v: unknown, path: string, allowed: readonly string[], code: LiveErrorCode = 'malformed'): Json {
  if (!isRecord(v)) fail(code, path, 'expected an object');
  for (const k of Object.keys(v)) if (!allowed.includes(k)) fail(code, `${path}.${k}`, 'unexpected field');
  return v;
}

export function str(v: unknown, path: string, max: number, code: LiveErrorCode = 'malformed'): string {
  if (typeof v !== 'string') fail(code, path, 'expected a string');
  if (v.length > max) fail(code, path, `longer than ${max} characters`);
  return v;
}

export function strOrNull(v: unknown, path: string, max: number): string | null {
  return v === null ? null : str(v, path, max);
}

export function int(v: unknown, path: string, min: number, max: number, code: LiveErrorCode = 'malformed'): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    fail(code, path, `expected an integer in [${min}, ${max}]`);
  return v;
}

export function num(v: unknown, path: string, min: number, max: number, code: LiveErrorCode = 'malformed'): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    fail(code, path, `expected a number in [${min}, ${max}]`);
  return v;
}

export function oneOf<T extends string>(
  v: unknown,
  path: string,
  values: readonly T[],
  code: LiveErrorCode = 'malformed',
): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
    fail(code, path, `expected one of ${values.join(', ')}`);
  return v as T;
}

/** Parses JSON text, refusing anything that is not an object at the top level. */
export function parseJsonObject(text: string, code: LiveErrorCode = 'malformed'): Json {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    fail(code, '$', 'not JSON');
  }
  if (!isRecord(v)) fail(code, '$', 'expected a JSON object');
  return v;
}
