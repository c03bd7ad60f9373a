/**
 * E-values (VanderWeele & Ding, Ann Intern Med 2017): the minimum strength of association, on the risk
 * ratio scale, that an unmeasured confounder would need with both treatment and outcome to explain
 * away an observed association.
 */
import { IslError } from '../../errors.js';

/** E-value of a risk ratio: RR + sqrt(RR·(RR − 1)), with RR < 1 replaced by 1/RR. */
export function eValueFromRiskRatio(rr: number): number {
  if (!(rr > 0) || !Number.isFinite(rr)) {
    throw new IslError('ISL_INVALID_INPUT', 'a risk ratio must be a positive finite number', {
      field: 'estimate',
    });
  }
  const r = rr < 1 ? 1 / rr : rr;
  return r + Math.sqrt(r * (r - 1));
}

/**
 * E-value of the confidence limit closer to the null: 1 when the interval contains 1.
 */
export function eValueForConfidenceLimit(rr: number, lower: number, upper: number): number {
  if (!(lower > 0) || !(upper >= lower)) {
    throw new IslError('ISL_INVALID_INPUT', 'confidence limits must satisfy 0 < lower <= upper', {
      field: 'lower',
    });
  }
  if (lower <= 1 && upper >= 1) return 1;
  return eValueFromRiskRatio(rr >= 1 ? lower : upper);
}

/** Effect measures the E-value can be computed from. */
export type EffectMeasure = 'risk_ratio' | 'odds_ratio' | 'hazard_ratio' | 'standardized_mean_difference';

/** An effect estimate as it arrives in a request. */
export interface EffectEstimate {
  name?: string;
  type: EffectMeasure;
  estimate: number;
  lower?: number;
  upper?: number;
  /** Standard error (standardized mean differences only, for the interval). */
  se?: number;
  /** Outcome prevalence below 15%: odds and hazard ratios approximate risk ratios directly. */
  rare_outcome?: boolean;
}

/** An E-value with the risk ratio it was computed from. */
export interface EValueResult {
  name?: string;
  type: EffectMeasure;
  risk_ratio: number;
  risk_ratio_ci?: { lower: number; upper: number };
  e_value: number;
  e_value_ci?: number;
  conversion: string;
}

const SQRT_HALF = (hr: number): number =>
  (1 - Math.pow(0.5, Math.sqrt(hr))) / (1 - Math.pow(0.5, Math.sqrt(1 / hr)));

/**
 * Converts an estimate to the risk ratio scale as VanderWeele & Ding recommend, then computes the
 * E-value for the estimate and for the confidence limit closer to the null.
 *
 * @example eValue({ type: 'risk_ratio', estimate: 2 }).e_value // 3.414213562373095
 */
export function eValue(input: EffectEstimate, field = 'effect'): EValueResult {
  const rare = input.rare_outcome ?? false;
  let convert: (x: number) => number;
  let conversion: string;
  switch (input.type) {
    case 'risk_ratio':
      convert = (x) => x;
      conversion = 'risk ratio used directly';
      break;
    case 'odds_ratio':
      convert = rare ? (x) => x : (x) => Math.sqrt(x);
      conversion = rare ? 'rare outcome: RR ≈ OR' : 'common outcome: RR ≈ √OR';
      break;
    case 'hazard_ratio':
      convert = rare ? (x) => x : SQRT_HALF;
      conversion = rare ? 'rare outcome: RR ≈ HR' : 'common outcome: RR ≈ (1 − 0.5^√HR) / (1 − 0.5^√(1/HR))';
      break;
    case 'standardized_mean_difference':
      convert = (d) => Math.exp(0.91 * d);
      conversion = 'RR ≈ exp(0.91 · d)';
      break;
    default:
      throw new IslError(
        'ISL_INVALID_INPUT',
        `${field}.type must be risk_ratio, odds_ratio, hazard_ratio or standardized_mean_difference`,
        {
          field: `${field}.type`,
        },
      );
  }
  const isSmd = input.type === 'standardized_mean_difference';
  if (
    typeof input.estimate !== 'number' ||
    !Number.isFinite(input.estimate) ||
    (!isSmd && !(input.estimate > 0))
  ) {
    throw new IslError(
      'ISL_INVALID_INPUT',
      `${field}.estimate must be ${isSmd ? 'a finite number' : 'positive'}`,
      {
        field: `${field}.estimate`,
      },
    );
  }
  const rr = convert(input.estimate);
  const result: EValueResult = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    type: input.type,
    risk_ratio: rr,
    e_value: eValueFromRiskRatio(rr),
    conversion,
  };
  let lower: number | undefined;
  let upper: number | undefined;
  if (isSmd && input.se !== undefined && input.lower === undefined) {
    // VanderWeele & Ding: the interval on the RR scale is exp(0.91·d ± 1.78·se).
    lower = Math.exp(0.91 * input.estimate - 1.78 * input.se);
    upper = Math.exp(0.91 * input.estimate + 1.78 * input.se);
  } else if (input.lower !== undefined && input.upper !== undefined) {
    if (!isSmd && !(input.lower > 0)) {
      throw new IslError('ISL_INVALID_INPUT', `${field}.lower must be positive`, { field: `${field}.lower` });
    }
    lower = convert(input.lower);
    upper = convert(input.upper);
  }
  if (lower !== undefined && upper !== undefined) {
    if (!(upper >= lower)) {
      throw new IslError('ISL_INVALID_INPUT', `${field}: lower must not exceed upper`, {
        field: `${field}.lower`,
      });
    }
    result.risk_ratio_ci = { lower, upper };
    result.e_value_ci = eValueForConfidenceLimit(rr, lower, upper);
  }
  return result;
}
