// The CLI's engine thread, run from the sources: registers tsx and Kripke's source condition
// (../checker/register-sources.mjs), then runs engine-worker.ts. The compiled package starts engine-worker.js.
import '../checker/register-sources.mjs';

await import('./engine-worker.ts');
