import { describe, expect, it } from 'vitest';
import { deadTupleRatio, planTableMaintenance, quoteIdent } from './table-maintenance.js';

describe('planTableMaintenance', () => {
  const tables = [
    { schema: 'public', table: 'events', liveTuples: 600, deadTuples: 400 }, // 0.4
    { schema: 'public', table: 'cache', liveTuples: 800, deadTuples: 200 }, // 0.2: not above 0.2
    { schema: 'audit', table: 'log"x', liveTuples: 70, deadTuples: 30 }, // 0.3
    { schema: 'public', table: 'empty', liveTuples: 0, deadTuples: 0 },
  ];

  it('vacuums only tables whose dead-tuple ratio exceeds vacuum_threshold, reindexing above reindex_threshold', () => {
    expect(
      planTableMaintenance(tables, { vacuumThreshold: 0.2, reindexThreshold: 0.3, analyze: true }),
    ).toEqual([
      {
        schema: 'public',
        table: 'events',
        deadRatio: 0.4,
        statements: ['VACUUM (ANALYZE) "public"."events"', 'REINDEX TABLE "public"."events"'],
      },
      { schema: 'audit', table: 'log"x', deadRatio: 0.3, statements: ['VACUUM (ANALYZE) "audit"."log""x"'] },
    ]);
  });

  it('leaves ANALYZE out when analyze_tables is off', () => {
    expect(
      planTableMaintenance(tables, { vacuumThreshold: 0.35, reindexThreshold: 1, analyze: false })[0]
        ?.statements,
    ).toEqual(['VACUUM "public"."events"']);
  });

  it('computes ratios and quotes identifiers', () => {
    expect(deadTupleRatio({ schema: 's', table: 't', liveTuples: 0, deadTuples: 0 })).toBe(0);
    expect(quoteIdent('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
  });
});
