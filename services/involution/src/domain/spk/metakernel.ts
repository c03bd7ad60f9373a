/**
 * Parser for SPICE text meta-kernels (the `KERNELS_TO_LOAD`, `PATH_VALUES`, `PATH_SYMBOLS`
 * variables of a `\begindata` section). Reference: NAIF "Kernel Required Reading", text kernels.
 */
import { InvolutionError } from '../../errors.js';

/** The kernel list of a meta-kernel, with `$SYMBOL` prefixes already substituted. */
export interface Metakernel {
  kernelsToLoad: string[];
  pathValues: string[];
  pathSymbols: string[];
}

/** Extracts the text of every `\begindata` … `\begintext` section. */
function dataSections(text: string): string {
  const out: string[] = [];
  let inData = false;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '\\begindata') inData = true;
    else if (t === '\\begintext') inData = false;
    else if (inData) out.push(line);
  }
  return out.join('\n');
}

/** Tokenises values: quoted strings ('' is a quote), parentheses, `=`/`+=`, names, bare words. */
function tokens(data: string): string[] {
  const result: string[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    if (/\s|,/.test(c)) {
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= data.length) throw new InvolutionError('INVOLUTION_KERNEL_INVALID', 'Unterminated string in meta-kernel', { field: 'METAKERNEL_PATH' });
        if (data[i] === "'") {
          if (data[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += data[i];
        i++;
      }
      result.push(`'${s}`);
    } else if (c === '(' || c === ')' || c === '=') {
      result.push(c);
      i++;
    } else if (c === '+' && data[i + 1] === '=') {
      result.push('+=');
      i += 2;
    } else {
      let w = '';
      while (i < data.length && !/[\s,()=']/.test(data[i]!)) w += data[i++]!;
      result.push(w);
    }
  }
  return result;
}

/** Parses the variables of a text kernel into name → string values (numbers kept as text). */
export function parseTextKernelVariables(text: string): Map<string, string[]> {
  const vars = new Map<string, string[]>();
  const tks = tokens(dataSections(text));
  let i = 0;
  while (i < tks.length) {
    const name = tks[i++]!;
    const op = tks[i++];
    if (op !== '=' && op !== '+=') throw new InvolutionError('INVOLUTION_KERNEL_INVALID', `Expected "=" after ${name} in meta-kernel`, { field: 'METAKERNEL_PATH' });
    const values: string[] = [];
    if (tks[i] === '(') {
      i++;
      while (i < tks.length && tks[i] !== ')') values.push(tks[i++]!);
      i++;
    } else if (i < tks.length) {
      values.push(tks[i++]!);
    }
    const strings = values.map((v) => (v.startsWith("'") ? v.slice(1) : v));
    vars.set(name, op === '+=' ? [...(vars.get(name) ?? []), ...strings] : strings);
  }
  return vars;
}

/** Joins strings continued with a trailing `+` (the SPICE continuation marker for long paths). */
function joinContinuations(values: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const v of values) {
    if (v.endsWith('+')) pending += v.slice(0, -1);
    else {
      out.push(pending + v);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * Parses a meta-kernel and substitutes `$SYMBOL` (from PATH_SYMBOLS/PATH_VALUES) in KERNELS_TO_LOAD.
 * @throws InvolutionError INVOLUTION_KERNEL_INVALID on syntax errors or undefined symbols.
 */
export function parseMetakernel(text: string): Metakernel {
  const vars = parseTextKernelVariables(text);
  const pathValues = joinContinuations(vars.get('PATH_VALUES') ?? []);
  const pathSymbols = vars.get('PATH_SYMBOLS') ?? [];
  if (pathValues.length !== pathSymbols.length) {
    throw new InvolutionError('INVOLUTION_KERNEL_INVALID', 'PATH_VALUES and PATH_SYMBOLS differ in length', {
      field: 'METAKERNEL_PATH',
      details: { pathValues, pathSymbols },
    });
  }
  const kernelsToLoad = joinContinuations(vars.get('KERNELS_TO_LOAD') ?? []).map((k) =>
    k.replace(/^\$([A-Za-z0-9_]+)/, (whole, symbol: string) => {
      const index = pathSymbols.indexOf(symbol);
      if (index < 0) {
        throw new InvolutionError('INVOLUTION_KERNEL_INVALID', `Undefined path symbol ${whole} in KERNELS_TO_LOAD`, {
          field: 'METAKERNEL_PATH',
          details: { symbol, pathSymbols },
        });
      }
      return pathValues[index]!;
    }),
  );
  return { kernelsToLoad, pathValues, pathSymbols };
}
