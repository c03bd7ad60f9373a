import { IslError } from '../../errors.js';
import type { DiscreteValue } from './discrete-distribution.js';

/** One observation: column name → value. */
export type DataRow = Record<string, DiscreteValue>;

/** Largest data set accepted for estimation (rows); bootstrap cost is linear in it. */
export const MAX_DATA_ROWS = 100_000;

/**
 * Parses CSV text (RFC 4180 quoting, first line is the header) into rows. Cells that read as
 * finite numbers become numbers; `true`/`false` stay strings so the caller chooses their meaning.
 */
export function parseCsv(text: string): DataRow[] {
  const records = splitRecords(text);
  const header = records.shift();
  if (!header || header.length === 0 || header.every((h) => h.trim() === '')) {
    throw new IslError('ISL_DATA_INVALID', 'CSV has no header line', { field: 'csv' });
  }
  const names = header.map((h) => h.trim());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) {
    throw new IslError('ISL_DATA_INVALID', `CSV header repeats column "${dup}"`, { field: 'csv' });
  }
  const rows: DataRow[] = [];
  for (const [i, rec] of records.entries()) {
    if (rec.length === 1 && rec[0]?.trim() === '') continue;
    if (rec.length !== names.length) {
      throw new IslError(
        'ISL_DATA_INVALID',
        `CSV line ${i + 2} has ${rec.length} cells; the header has ${names.length}`,
        {
          field: 'csv',
          details: { line: i + 2 },
        },
      );
    }
    const row: DataRow = {};
    names.forEach((n, k) => {
      const raw = (rec[k] ?? '').trim();
      const num = raw === '' ? Number.NaN : Number(raw);
      row[n] = Number.isFinite(num) ? num : raw;
    });
    rows.push(row);
  }
  return rows;
}

function splitRecords(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rec.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rec.push(cell);
      out.push(rec);
      rec = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new IslError('ISL_DATA_INVALID', 'CSV ends inside a quoted cell', { field: 'csv' });
  if (cell !== '' || rec.length > 0) {
    rec.push(cell);
    out.push(rec);
  }
  return out;
}

/** Checks that every row has a usable value in each named column. */
export function requireColumns(rows: readonly DataRow[], columns: readonly string[]): void {
  if (rows.length === 0) throw new IslError('ISL_DATA_INVALID', 'data has no rows', { field: 'data' });
  if (rows.length > MAX_DATA_ROWS) {
    throw new IslError('ISL_DATA_INVALID', `data has ${rows.length} rows; the limit is ${MAX_DATA_ROWS}`, {
      field: 'data',
      details: { rows: rows.length, limit: MAX_DATA_ROWS },
    });
  }
  for (const [i, row] of rows.entries()) {
    for (const c of columns) {
      const v = row[c];
      if (v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) {
        throw new IslError('ISL_DATA_INVALID', `row ${i} has no value for "${c}"`, {
          field: `data[${i}].${c}`,
          details: { row: i, column: c },
        });
      }
    }
  }
}

/** A column as numbers (booleans as 1/0); throws naming the first non-numeric cell. */
export function numericColumn(rows: readonly DataRow[], column: string): number[] {
  return rows.map((r, i) => {
    const v = r[column];
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    throw new IslError('ISL_DATA_INVALID', `"${column}" must be numeric; row ${i} has "${String(v)}"`, {
      field: `data[${i}].${column}`,
    });
  });
}

/** Distinct values of a column, in first-seen order. */
export function distinctValues(rows: readonly DataRow[], column: string): DiscreteValue[] {
  const seen = new Map<string, DiscreteValue>();
  for (const r of rows) {
    const v = r[column];
    if (v !== undefined && !seen.has(String(v))) seen.set(String(v), v);
  }
  return [...seen.values()];
}

/** Columns with at most this many distinct integer values count as discrete. */
export const MAX_DISCRETE_LEVELS = 10;

/** Whether a column is discrete: any non-numeric value, or few distinct integer values. */
export function isDiscreteColumn(rows: readonly DataRow[], column: string): boolean {
  const vals = distinctValues(rows, column);
  if (vals.some((v) => typeof v !== 'number')) return true;
  return vals.length <= MAX_DISCRETE_LEVELS && vals.every((v) => Number.isInteger(v));
}
