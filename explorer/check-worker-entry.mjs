// The explorer's check thread, run from the sources: registers tsx for both module systems (the
// engine is TypeScript here), then runs check-worker.ts. The compiled package starts check-worker.js.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
await import('./check-worker.ts');
