// The explorer's check thread, run from the sources: registers tsx and Kripke's source condition
// (../checker/register-sources.mjs), then runs check-worker.ts. The package starts check-worker.js.
import '../checker/register-sources.mjs';

await import('./check-worker.ts');
