// A job's own process (see pool.ts), run from the sources: registers tsx (the engine and models
// are TypeScript here), then runs the job it is sent. The compiled package runs job-child.js.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
registerCommonJs();
await import('./job-child.ts');
