// The Involution engine app as its own process (HOST/PORT from the environment), for the chart benchmark.
import { engineService } from '../../services/involution/src/apps/engine-app.js';

await engineService.run();
