/**
 * A chart as terminal text: positions, then house cusps and angles. Pure formatting, used by
 * `involution chart`.
 */
import { zodiacSign } from '../ephemeris/zodiac-sign.js';
import type { HousesAnswer, PositionAnswer } from './compute-chart.js';

const SIGN_ABBREVIATIONS = ['Ari', 'Tau', 'Gem', 'Can', 'Leo', 'Vir', 'Lib', 'Sco', 'Sag', 'Cap', 'Aqu', 'Pis'] as const;

/**
 * Degrees, minutes and seconds within the sign: `29°59′59.5″ Pis`.
 * @example formatZodiacal(359.9998585) // '29°59′59.5″ Pis'
 */
export function formatZodiacal(longitude: number): string {
  const sign = zodiacSign(longitude);
  let tenths = Math.round(sign.degree * 36000);
  let index = sign.index;
  if (tenths >= 30 * 36000) {
    tenths -= 30 * 36000;
    index = (index + 1) % 12;
  }
  const d = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = (tenths % 600) / 10;
  return `${String(d).padStart(2, ' ')}°${String(m).padStart(2, '0')}′${s.toFixed(1).padStart(4, '0')}″ ${SIGN_ABBREVIATIONS[index]}`;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
}

/** The positions table (and houses when given) as lines of text. */
export function chartTable(positions: Readonly<Record<string, PositionAnswer>>, houses?: HousesAnswer): string {
  const widths = [11, 17, 12, 10, 12, 12, 1];
  const lines = [row(['Body', 'Position', 'Longitude', 'Latitude', 'Distance AU', 'Speed °/day', 'R'], widths)];
  lines.push('-'.repeat(lines[0]!.length));
  for (const [name, p] of Object.entries(positions)) {
    lines.push(
      row(
        [name, formatZodiacal(p.longitude), `${p.longitude.toFixed(6)}°`, `${p.latitude.toFixed(4)}°`, p.distance.toFixed(6), p.speed.toFixed(6), p.retrograde ? 'R' : ''],
        widths,
      ),
    );
  }
  if (houses) {
    lines.push('', `Houses (${houses.system})`);
    houses.cusps.forEach((cusp, i) => lines.push(row([`House ${i + 1}`, formatZodiacal(cusp), `${cusp.toFixed(6)}°`], widths)));
    const { ascendant, mc, armc, vertex } = houses.angles;
    lines.push('', row(['Ascendant', formatZodiacal(ascendant), `${ascendant.toFixed(6)}°`], widths));
    lines.push(row(['MC', formatZodiacal(mc), `${mc.toFixed(6)}°`], widths));
    lines.push(row(['Vertex', formatZodiacal(vertex), `${vertex.toFixed(6)}°`], widths));
    lines.push(row(['ARMC', '', `${armc.toFixed(6)}°`], widths));
  }
  return `${lines.join('\n')}\n`;
}
