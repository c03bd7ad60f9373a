/**
 * Which engine answers a request, from the requested year and the client's opt-ins: modern dates go to
 * the DE440 engine (fast, small kernel); dates only DE441 covers need the client's consent
 * (`?kernel=de441` or `x-historical-enabled: true`), as the guide's "Enable Historical Pack" prompt.
 */

/** A span of years [startYear, endYear) an engine's kernel covers. */
export interface YearSpan {
  kernel: 'DE440' | 'DE441';
  startYear: number;
  endYear: number;
}

/** The gateway's routing policy (from its config). */
export interface RoutingPolicy {
  modern: YearSpan;
  historical: YearSpan;
  /** Route historical dates without the client's opt-in. */
  autoHistorical: boolean;
}

/** What the client asked for. */
export interface RoutingRequest {
  year: number;
  /** `?kernel=` override. */
  kernel?: 'de440' | 'de441' | undefined;
  /** `x-historical-enabled: true`. */
  historicalEnabled: boolean;
}

/** The decision. */
export type RouteDecision =
  | { action: 'route'; target: 'modern' | 'historical'; reason: string }
  | { action: 'historical-required'; year: number }
  | { action: 'out-of-range'; year: number };

const inSpan = (year: number, span: YearSpan): boolean => year >= span.startYear && year < span.endYear;

/**
 * Decides where a request goes.
 * @example decideRoute({ year: 1066, historicalEnabled: false }, policy) // { action: 'historical-required', year: 1066 }
 */
export function decideRoute(request: RoutingRequest, policy: RoutingPolicy): RouteDecision {
  if (request.kernel === 'de441') return { action: 'route', target: 'historical', reason: 'query kernel=de441' };
  if (request.kernel === 'de440') return { action: 'route', target: 'modern', reason: 'query kernel=de440' };
  if (inSpan(request.year, policy.modern)) return { action: 'route', target: 'modern', reason: `year within ${policy.modern.kernel} range` };
  if (!inSpan(request.year, policy.historical)) return { action: 'out-of-range', year: request.year };
  if (request.historicalEnabled) return { action: 'route', target: 'historical', reason: 'header x-historical-enabled: true' };
  if (policy.autoHistorical) return { action: 'route', target: 'historical', reason: 'historical routing enabled by the gateway' };
  return { action: 'historical-required', year: request.year };
}

/** The ways a client can reach the historical engine, for the HISTORICAL_REQUIRED answer. */
export function historicalSolutions(): string[] {
  return [
    'Add ?kernel=de441 to the request URL to use the historical (DE441) engine',
    'Send the header x-historical-enabled: true to enable the Historical Pack for this request',
    'Choose a date within the modern range',
  ];
}
