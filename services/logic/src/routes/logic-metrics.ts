import { Counter, Gauge, Histogram, type Registry } from '@svc/kernel';
import type { LogicObserver } from './logic-runtime.js';

export interface LogicMetrics {
  readonly observer: LogicObserver;
  /** Counts a failed request by its error code. */
  readonly error: (code: string) => void;
}

/** The guide's business metrics, registered on the app's own registry. */
export function createLogicMetrics(registry: Registry): LogicMetrics {
  const conversions = new Counter({ name: 'logic_conversions_total', help: 'English to FOL conversions', registers: [registry] });
  const conversionSeconds = new Histogram({
    name: 'logic_conversion_duration_seconds',
    help: 'Time to convert one text, in seconds',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const proofs = new Counter({ name: 'logic_proofs_total', help: 'Proof requests answered, by SZS status', labelNames: ['status'], registers: [registry] });
  const hitRate = new Gauge({ name: 'logic_cache_hit_rate', help: 'Proof cache hits / lookups since start', registers: [registry] });
  const errors = new Counter({ name: 'logic_errors_total', help: 'Failed requests, by error code', labelNames: ['code'], registers: [registry] });
  return {
    observer: {
      conversion(seconds) {
        conversions.inc();
        conversionSeconds.observe(seconds);
      },
      proof(status) {
        proofs.inc({ status });
      },
      cacheLookup(rate) {
        hitRate.set(rate);
      },
    },
    error: (code) => errors.inc({ code }),
  };
}
