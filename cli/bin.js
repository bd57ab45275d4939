#!/usr/bin/env node
// The `kripke` command. Registers tsx so the CLI and users' model files in TypeScript load
// without a build step, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
