// A job's own process (see pool.ts): registers tsx so models written in TypeScript load without
// a build step, as the `kripke` command does, then runs the job it is sent.
import { register } from 'tsx/esm/api';

register();
await import('./job-child.ts');
