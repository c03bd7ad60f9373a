import { AcgsError } from '../../errors.js';

/** One sample of the Prometheus text exposition format. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

function parseValue(text: string, line: number): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) {
    throw new AcgsError('ACGS_SLO_INPUT_INVALID', `metrics line ${line}: bad value "${text}"`, {
      field: 'metrics',
    });
  }
  return value;
}

/**
 * Parses the Prometheus text format (version 0.0.4), as served on `/metrics`: comments and blank lines are
 * skipped, label values unescaped (`\\`, `\"`, `\n`), timestamps ignored.
 */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const lineNo = index + 1;
    const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
    if (nameMatch === null)
      throw new AcgsError('ACGS_SLO_INPUT_INVALID', `metrics line ${lineNo}: no metric name`, {
        field: 'metrics',
      });
    const name = nameMatch[0];
    let rest = line.slice(name.length);
    const labels: Record<string, string> = {};
    if (rest.startsWith('{')) {
      let i = 1;
      while (i < rest.length && rest[i] !== '}') {
        const labelMatch = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"/.exec(rest.slice(i));
        if (labelMatch === null)
          throw new AcgsError('ACGS_SLO_INPUT_INVALID', `metrics line ${lineNo}: bad label`, {
            field: 'metrics',
          });
        i += labelMatch[0].length;
        let value = '';
        while (i < rest.length && rest[i] !== '"') {
          if (rest[i] === '\\') {
            const next = rest[i + 1];
            value += next === 'n' ? '\n' : (next ?? '');
            i += 2;
          } else {
            value += rest[i];
            i += 1;
          }
        }
        labels[labelMatch[1] as string] = value;
        i += 1; // closing quote
        while (rest[i] === ' ' || rest[i] === ',') i += 1;
      }
      if (rest[i] !== '}')
        throw new AcgsError('ACGS_SLO_INPUT_INVALID', `metrics line ${lineNo}: unterminated labels`, {
          field: 'metrics',
        });
      rest = rest.slice(i + 1);
    }
    const [valueText = ''] = rest.trim().split(/\s+/);
    samples.push({ name, labels, value: parseValue(valueText, lineNo) });
  });
  return samples;
}
