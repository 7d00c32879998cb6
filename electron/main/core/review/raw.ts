import { AppError } from '../../../../shared/contract'
import type { RubricCriterion } from '../../../../shared/domain/scoring'

/** A raw score must be a point of the criterion's scale: 0/1, a whole likert step, or a label's index. */
export function checkRaw(criterion: RubricCriterion, raw: number): void {
  const { scale } = criterion
  const valid =
    scale.type === 'pass_fail'
      ? raw === 0 || raw === 1
      : scale.type === 'likert'
        ? Number.isInteger(raw) && raw >= scale.min && raw <= scale.max
        : Number.isInteger(raw) && raw >= 0 && raw < scale.labels.length
  if (!valid)
    throw new AppError(
      'INVALID_INPUT',
      `${raw} is not a score on the scale of "${criterion.name}" (${scaleText(criterion)})`,
    )
}

function scaleText(criterion: RubricCriterion): string {
  const { scale } = criterion
  if (scale.type === 'pass_fail') return '1 = pass, 0 = fail'
  if (scale.type === 'likert') return `${scale.min}–${scale.max}`
  return scale.labels.map((l, i) => `${i} = ${l}`).join(', ')
}
