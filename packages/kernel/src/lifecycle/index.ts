export { exitOnSignals, type Drainable, type ShutdownSettings } from './graceful-shutdown.js';
