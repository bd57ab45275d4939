// What every entry point run from the sources does first (cli/bin.js, the worker and job entries):
// tsx for TypeScript in both module systems, and the "kripke-source" condition (source-hooks.mjs)
// for ES modules that import Kripke by name. The compiled package needs neither.
import { register as registerHooks } from 'node:module';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

registerHooks('./source-hooks.mjs', import.meta.url);
register();
registerCommonJs();
