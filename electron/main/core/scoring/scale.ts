import type { MetricSummary, RubricScale } from '../../../../shared/domain/scoring'

/** A score on a criterion's own scale, normalised to 0..1 so metrics of any scale compare and average. */
export interface Normalised {
  value: number
  raw: number
  /** Only pass/fail criteria pass or fail; a 3 on 1–5 is a 3, not a verdict. */
  passed: boolean | null
}

/** pass = 1, likert (raw − min)/(max − min), labels index/(count − 1). */
export function normalise(scale: RubricScale, raw: number): Normalised {
  switch (scale.type) {
    case 'pass_fail':
      return { value: raw >= 1 ? 1 : 0, raw: raw >= 1 ? 1 : 0, passed: raw >= 1 }
    case 'likert': {
      const span = scale.max - scale.min
      return { value: clamp01(span === 0 ? 1 : (raw - scale.min) / span), raw, passed: null }
    }
    case 'labels':
      return { value: clamp01(raw / (scale.labels.length - 1)), raw, passed: null }
  }
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x))

/** Binary scores summarise as a pass rate, ordinal ones as a mean. */
export function summaryKind(scale: RubricScale | 'binary'): MetricSummary['kind'] {
  return scale === 'binary' || scale.type === 'pass_fail' ? 'pass_rate' : 'mean'
}

/** The raw score's name on its scale, for reasons: "4 (Off by one level but defensible)". */
export function describeRaw(scale: RubricScale, raw: number): string {
  switch (scale.type) {
    case 'pass_fail':
      return raw >= 1 ? 'pass' : 'fail'
    case 'likert': {
      const label = scale.labels[String(raw)]
      return label ? `${raw} (${label})` : String(raw)
    }
    case 'labels':
      return scale.labels[Math.round(raw)] ?? String(raw)
  }
}
