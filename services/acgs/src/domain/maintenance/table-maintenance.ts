/** Tuple statistics of one table, as `pg_stat_user_tables` reports them. */
export interface TableStats {
  readonly schema: string;
  readonly table: string;
  readonly liveTuples: number;
  readonly deadTuples: number;
}

export interface TableAction {
  readonly schema: string;
  readonly table: string;
  /** dead / (live + dead); 0 for an empty table. */
  readonly deadRatio: number;
  /** Statements to run, in order (VACUUM cannot run inside a transaction block: one at a time). */
  readonly statements: readonly string[];
}

/** Quotes a PostgreSQL identifier (doubling embedded quotes), so odd table names cannot inject SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The dead-tuple ratio of a table. */
export function deadTupleRatio(stats: TableStats): number {
  const total = stats.liveTuples + stats.deadTuples;
  return total === 0 ? 0 : stats.deadTuples / total;
}

/**
 * Which tables to vacuum (and analyze) and reindex: only those whose dead-tuple ratio EXCEEDS
 * `vacuum_threshold` — vacuuming every table every week is what the guide's threshold exists to avoid —
 * and, above `reindex_threshold`, a REINDEX of the table's indexes as well. Ordered worst first.
 */
export function planTableMaintenance(
  tables: readonly TableStats[],
  options: { vacuumThreshold: number; reindexThreshold: number; analyze: boolean },
): TableAction[] {
  return tables
    .map((stats) => ({ stats, ratio: deadTupleRatio(stats) }))
    .filter(({ ratio }) => ratio > options.vacuumThreshold)
    .sort(
      (a, b) =>
        b.ratio - a.ratio ||
        `${a.stats.schema}.${a.stats.table}`.localeCompare(`${b.stats.schema}.${b.stats.table}`),
    )
    .map(({ stats, ratio }) => {
      const name = `${quoteIdent(stats.schema)}.${quoteIdent(stats.table)}`;
      const statements = [options.analyze ? `VACUUM (ANALYZE) ${name}` : `VACUUM ${name}`];
      if (ratio > options.reindexThreshold) statements.push(`REINDEX TABLE ${name}`);
      return { schema: stats.schema, table: stats.table, deadRatio: ratio, statements };
    });
}
