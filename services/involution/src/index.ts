/** The Involution Engine's three services: ephemeris engine, time resolver and routing gateway. */
export { engineService } from './apps/engine-app.js';
export { timeService } from './apps/time-app.js';
export { gatewayService } from './apps/gateway-app.js';
