import type { AlphaUnit } from './krippendorff'
import { assertFiniteScore } from './validate'

/**
 * The share of units on which every coder who scored it gave the same value, over the units with at
 * least two values (a unit scored once cannot agree or disagree); null when there are none. Unlike κ
 * and α it is not corrected for chance, which is why the report shows it next to them, not instead.
 */
export function percentAgreement(units: readonly AlphaUnit[]): number | null {
  let comparable = 0
  let unanimous = 0
  for (const unit of units) {
    const values = unit.filter((value): value is number => value !== null)
    values.forEach((value) => assertFiniteScore('coded value', value))
    if (values.length < 2) continue
    comparable++
    if (values.every((value) => value === values[0])) unanimous++
  }
  return comparable === 0 ? null : unanimous / comparable
}
