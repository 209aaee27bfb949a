#!/usr/bin/env node
// Published (no src/ in the package): runs the compiled CLI in dist/. In a checkout, runs the
// TypeScript sources through tsx, resolving workspace packages to their sources (the "source"
// condition), so a dist/ left from an earlier `npm run build:packages` never runs stale code;
// HIRENET_CLI_DIST=1 runs the checkout's dist/ instead (to try the build).
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const dist = new URL('../dist/main.js', import.meta.url);
const src = new URL('../src/main.ts', import.meta.url);
if (!existsSync(src) || process.env.HIRENET_CLI_DIST === '1') {
  await import(dist.href);
} else {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  const hook =
    'export async function resolve(s, c, next) {' +
    " return next(s, { ...c, conditions: [...c.conditions, 'source'] }); }";
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  await import(src.href);
}
