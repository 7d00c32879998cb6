import type { RubricScale } from '../../../../../shared/domain/scoring'

/** Whether `raw` is a score the scale can hold: 1/0, a whole likert number in range, a label index. */
export function fitsScale(scale: RubricScale, raw: number): boolean {
  if (!Number.isInteger(raw)) return false
  switch (scale.type) {
    case 'pass_fail':
      return raw === 0 || raw === 1
    case 'likert':
      return raw >= scale.min && raw <= scale.max
    case 'labels':
      return raw >= 0 && raw < scale.labels.length
  }
}
