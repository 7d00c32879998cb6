/**
 * Agreement statistics for human review: pure functions, no dependencies, tested against published
 * worked examples (see tests/unit/core/review/agreement).
 */
export { cohensKappa, weightedKappa } from './kappa'
export type { KappaResult, KappaWeighting, RatingPair } from './kappa'
export { krippendorffAlpha } from './krippendorff'
export type { AlphaLevel, AlphaResult, AlphaUnit } from './krippendorff'
export { percentAgreement } from './percent-agreement'
export { winRate } from './win-rate'
export type { WinRateResult } from './win-rate'
