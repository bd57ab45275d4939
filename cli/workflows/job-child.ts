/**
 * Runs the jobs the parent sends over IPC, one at a time, and sends back each result. The first
 * job's result carries this process's peak memory (later ones would inherit it, so they do not).
 * The process ends when the parent disconnects (if the parent dies, once the job at hand is done).
 */
import { type Job, runJob } from './job.ts';

let jobsRun = 0;

process.on('message', (job: Job) => {
  void runJob(job).then((result) => {
    const peakRssBytes = jobsRun++ === 0 ? process.resourceUsage().maxRSS * 1024 : null;
    process.send!({ ...result, peakRssBytes });
  });
});

process.on('disconnect', () => process.exit(0));
