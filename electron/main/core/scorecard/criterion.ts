import type { MaturityCriterion } from '../../../../shared/domain/scorecard'

/** A criterion's verdict before it is labelled: met or not, why, and what to do. */
export type Assessment = Pick<MaturityCriterion, 'met' | 'evidence' | 'nextStep' | 'link'>
