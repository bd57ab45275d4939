// The CLI's engine thread: registers tsx for both module systems (the engine and users' model files
// are TypeScript, ES modules or CommonJS), then runs engine-worker.ts.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
await import('./engine-worker.ts');
