#!/usr/bin/env node
// The `kripke` command. In the package it runs the compiled CLI (dist/), which loads tsx only for
// a user's model file in TypeScript. In a checkout of the sources (main.ts is here) it registers
// tsx and Kripke's source condition, then runs the TypeScript itself: `npx kripke` needs no build.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./main.ts', import.meta.url))) {
  await import('../checker/register-sources.mjs');
  await import('./main.ts');
} else {
  await import('../dist/cli/main.js');
}
