// A job's own process (see pool.ts), run from the sources: registers tsx and Kripke's source
// condition (../../checker/register-sources.mjs), then runs the job it is sent. The package runs job-child.js.
import '../../checker/register-sources.mjs';

await import('./job-child.ts');
