// `isl serve` as its own process for the workload benchmark: the same islService.run() the CLI calls,
// without the CLI's argument parsing (startChildServer passes HOST/PORT through the environment only).
import { islService } from '../../services/isl/src/app.js';

await islService.run();
