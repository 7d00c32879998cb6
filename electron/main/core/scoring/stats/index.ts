/**
 * The statistics behind run summaries and gates: pure functions, no dependencies, every one tested
 * against published worked examples (see tests/unit/core/scoring/stats).
 */
export { normalCdf, normalQuantile } from './normal'
export { tCdf, tQuantile } from './t'
export { mean, sampleStandardDeviation } from './moments'
export { wilsonInterval, meanInterval, percentile } from './intervals'
export type { Interval, MeanInterval } from './intervals'
export { createRandom } from './random'
export type { Random } from './random'
export { pairedBootstrap } from './bootstrap'
export type { BootstrapInterval, BootstrapOptions } from './bootstrap'
export { mcnemarExact } from './mcnemar'
export type { McNemarResult } from './mcnemar'
export { signTest } from './sign-test'
export type { SignTestResult } from './sign-test'
export { wilcoxonSignedRank } from './wilcoxon'
export type { WilcoxonOptions, WilcoxonResult } from './wilcoxon'
export { mdePairedProportions, mdePairedMeans } from './power'
export type { PowerOptions } from './power'
