#!/usr/bin/env node
// The `kripke` command. In the package it runs the compiled CLI (dist/), which loads tsx only for
// a user's model file in TypeScript. In a checkout of the sources (main.ts is here) it registers
// tsx for both module systems and runs the TypeScript itself, so `npx kripke` needs no build step.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./main.ts', import.meta.url))) {
  const [{ register }, { register: registerCommonJs }] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
  register();
  registerCommonJs();
  await import('./main.ts');
} else {
  await import('../dist/cli/main.js');
}
