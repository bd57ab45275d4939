// A parallel-search worker thread, run from the sources: registers tsx and Kripke's source
// condition (../register-sources.mjs), then runs worker.ts. The compiled package starts worker.js.
import '../register-sources.mjs';

await import('./worker.ts');
