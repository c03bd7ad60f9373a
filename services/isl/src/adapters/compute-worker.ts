/** Entry of the ISL's computation worker threads (see compute-pool.ts). */
import { workerJobs } from './compute-jobs.js';
import { serveJobs } from './compute-worker-host.js';

serveJobs(workerJobs);
