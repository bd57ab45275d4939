#!/usr/bin/env node
// The `kripke` command. Registers tsx for both module systems, so the CLI and users' model files in
// TypeScript (ES modules or CommonJS, `.ts`, `.mts`, `.cts`) load without a build step, then runs the CLI.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
await import('./main.ts');
