#!/usr/bin/env node
// Published: runs the compiled CLI in dist/. In a checkout without a build, runs the TypeScript
// sources through tsx, resolving workspace packages to their sources (the "source" condition).
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const dist = new URL('../dist/main.js', import.meta.url);
if (existsSync(dist)) {
  await import(dist.href);
} else {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  const hook =
    'export async function resolve(s, c, next) {' +
    " return next(s, { ...c, conditions: [...c.conditions, 'source'] }); }";
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  await import('../src/main.ts');
}
