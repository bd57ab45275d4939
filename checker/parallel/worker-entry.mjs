// A parallel-search worker thread: registers tsx (models and the engine are TypeScript), then runs worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
