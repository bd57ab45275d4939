// The explorer's check thread: registers tsx (models and the engine are TypeScript), then runs check-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
