/** Entry of the ISL's computation worker threads (see compute-pool.ts). */
import { computeJobs } from './compute-jobs.js';
import { serveJobs } from './compute-worker-host.js';

serveJobs(computeJobs);
