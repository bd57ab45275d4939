// A parallel-search worker thread: registers tsx for both module systems (models and the engine
// are TypeScript; a model file may be an ES module or CommonJS, `.ts`, `.mts` or `.cts`), then runs worker.ts.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
await import('./worker.ts');
