/** One value at one time; null is a gap. */
export interface ChartPoint {
  readonly at: number;
  readonly value: number | null;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small line chart as inline SVG (no scripts, no external assets): the series, a dashed target line,
 * and the latest value in the title. Deterministic for given points, so it is easy to test.
 */
export function lineChartSvg(options: {
  title: string;
  unit: string;
  points: readonly ChartPoint[];
  target?: number | undefined;
  width?: number;
  height?: number;
}): string {
  const width = options.width ?? 320;
  const height = options.height ?? 90;
  const pad = 4;
  const values = options.points.map((p) => p.value).filter((v): v is number => v !== null);
  const latest = values[values.length - 1];
  const label = `${options.title}: ${latest === undefined ? 'no data' : `${Number(latest.toFixed(3))} ${options.unit}`}`;
  const all = options.target === undefined ? values : [...values, options.target];
  const max = all.length === 0 ? 1 : Math.max(...all) * 1.1 || 1;
  const times = options.points.map((p) => p.at);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (at: number) =>
    pad + (t1 === t0 ? (width - 2 * pad) / 2 : ((at - t0) / (t1 - t0)) * (width - 2 * pad));
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad - 14);
  let path = '';
  let pen = false;
  for (const point of options.points) {
    if (point.value === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${x(point.at).toFixed(1)},${y(point.value).toFixed(1)} `;
    pen = true;
  }
  const target =
    options.target === undefined
      ? ''
      : `<line x1="${pad}" x2="${width - pad}" y1="${y(options.target).toFixed(1)}" y2="${y(options.target).toFixed(1)}" stroke="#c33" stroke-dasharray="4 3" stroke-width="1"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#fafafa" stroke="#ddd"/>` +
    `<text x="${pad + 2}" y="12" font-size="11" font-family="sans-serif" fill="#333">${escapeXml(label)}</text>` +
    target +
    (path === '' ? '' : `<path d="${path.trim()}" fill="none" stroke="#2a6fdb" stroke-width="1.5"/>`) +
    `</svg>`
  );
}
