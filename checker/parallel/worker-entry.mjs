// A parallel-search worker thread, run from the sources: registers tsx for both module systems
// (the engine is TypeScript here; a model file may be an ES module or CommonJS, `.ts`, `.mts` or
// `.cts`), then runs worker.ts. The compiled package starts worker.js, which needs no loader.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
await import('./worker.ts');
