import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

/** Appends one benchmark's table to bench/RESULTS.md with the machine and date, and prints it. */
export function record(
  title: string,
  rows: readonly (readonly (string | number)[])[],
  header: readonly string[],
): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `## ${title}`,
    '',
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
  if (!existsSync(RESULTS))
    writeFileSync(RESULTS, '# Benchmark results\n\nWritten by `npm run bench`; newest at the bottom.\n\n');
  appendFileSync(RESULTS, `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
