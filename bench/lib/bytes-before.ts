/**
 * The embed page's bytes before the face model was served gzipped and the manifest slimmed (issue 15):
 * `npm run bench -- --only bytes` at git f6e5a58, 2026-12-06 01:10 UTC (results.json keeps only the
 * latest run), for the before column of RESULTS.md's bytes table.
 */
import type { Group } from './bytes.ts';

export const BYTES_BEFORE = {
  commit: 'f6e5a58',
  /** gzip -9 where a server compresses, raw for .task and .bin: by group, and in all. */
  groups: {
    JS: 387881,
    'tfjs wasm': 137217,
    'MediaPipe wasm': 3935474,
    'face model': 3758596,
    'HireNet weights': 237102,
    vocabulary: 317525,
    'page HTML': 589,
  } as Partial<Record<Group, number>>,
  total: 8774384,
  /** .task and .bin compressed too. */
  gzipAll: 8322450,
  audioOnly: 811111,
} as const;
