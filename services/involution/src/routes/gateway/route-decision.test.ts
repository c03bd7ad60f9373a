import { describe, expect, it } from 'vitest';
import { decideRoute, type RoutingPolicy } from './route-decision.js';

const policy: RoutingPolicy = {
  modern: { kernel: 'DE440', startYear: 1550, endYear: 2650 },
  historical: { kernel: 'DE441', startYear: -13200, endYear: 17191 },
  autoHistorical: false,
};

describe('decideRoute', () => {
  it('routes DE440 years to the modern engine, its first and last year included', () => {
    for (const year of [1550, 2024, 2649]) expect(decideRoute({ year, historicalEnabled: false }, policy)).toMatchObject({ action: 'route', target: 'modern' });
  });

  it('asks for consent outside DE440 and inside DE441', () => {
    for (const year of [1549, 2650, 1066, -500]) expect(decideRoute({ year, historicalEnabled: false }, policy)).toEqual({ action: 'historical-required', year });
  });

  it('routes historical years with the header, the query or the gateway setting', () => {
    expect(decideRoute({ year: 1066, historicalEnabled: true }, policy)).toMatchObject({ target: 'historical', reason: 'header x-historical-enabled: true' });
    expect(decideRoute({ year: 1066, kernel: 'de441', historicalEnabled: false }, policy)).toMatchObject({ target: 'historical', reason: 'query kernel=de441' });
    expect(decideRoute({ year: 1066, historicalEnabled: false }, { ...policy, autoHistorical: true })).toMatchObject({ target: 'historical' });
  });

  it('lets ?kernel= override even a modern date, either way', () => {
    expect(decideRoute({ year: 2024, kernel: 'de441', historicalEnabled: false }, policy)).toMatchObject({ target: 'historical' });
    expect(decideRoute({ year: 1066, kernel: 'de440', historicalEnabled: false }, policy)).toMatchObject({ target: 'modern' });
  });

  it('refuses years beyond every kernel, opt-in or not', () => {
    expect(decideRoute({ year: 20000, historicalEnabled: true }, policy)).toEqual({ action: 'out-of-range', year: 20000 });
    expect(decideRoute({ year: -13201, historicalEnabled: true }, policy)).toEqual({ action: 'out-of-range', year: -13201 });
  });
});
