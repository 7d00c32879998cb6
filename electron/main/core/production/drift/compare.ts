import type { DriftReport } from '../../../../../shared/domain/production'
import { chiSquareHomogeneity, ksTwoSample } from '../../scoring/stats'
import { countKeys, median, shares, type CaseProfile } from './profile'

type ShareRow = DriftReport['tags'][number]

/** Significance for the KS and chi-square tests: drift is a claim someone acts on, so be strict. */
export const SIGNIFICANCE = 0.01
/** A median length change below this share is noise for prompt behaviour, however significant. */
export const MIN_MEDIAN_CHANGE = 0.2
/** A share difference from this size on (10 points) is worth a look. */
export const MIN_SHARE_DIFF = 0.1
/** A key this common in production that the dataset lacks entirely is a gap even when small. */
export const MIN_NEW_KEY_SHARE = 0.03

export function compareLengths(
  curated: readonly CaseProfile[],
  production: readonly CaseProfile[],
): DriftReport['length'] {
  const a = curated.map((p) => p.length)
  const b = production.map((p) => p.length)
  const datasetMedian = median(a)
  const productionMedian = median(b)
  if (a.length === 0 || b.length === 0 || datasetMedian === null || productionMedian === null) {
    return { datasetMedian, productionMedian, ksStatistic: 0, pValue: 1, drifted: false }
  }
  const ks = ksTwoSample(a, b)
  const change = datasetMedian > 0 ? Math.abs(productionMedian - datasetMedian) / datasetMedian : Infinity
  return {
    datasetMedian,
    productionMedian,
    ksStatistic: ks.statistic,
    pValue: ks.pValue,
    drifted: ks.pValue < SIGNIFICANCE && change >= MIN_MEDIAN_CHANGE,
  }
}

/** Share rows for one categorical feature, and whether its distribution differs (chi-square on the counts). */
export function compareShares(
  curatedKeys: readonly (string | undefined)[],
  productionKeys: readonly (string | undefined)[],
): { rows: ShareRow[]; significant: boolean } {
  const dataset = shares(curatedKeys)
  const production = shares(productionKeys)
  const keys = [...new Set([...dataset.keys(), ...production.keys()])].sort()
  const rows = keys
    .map((key) => {
      const datasetShare = dataset.get(key) ?? 0
      const productionShare = production.get(key) ?? 0
      const drifted =
        Math.abs(productionShare - datasetShare) >= MIN_SHARE_DIFF ||
        (datasetShare === 0 && productionShare >= MIN_NEW_KEY_SHARE)
      return { key, datasetShare, productionShare, drifted }
    })
    .sort((x, y) => y.productionShare - x.productionShare || x.key.localeCompare(y.key))
  return { rows, significant: chiSquareOn(curatedKeys, productionKeys, keys) < SIGNIFICANCE }
}

/** The p-value over the keys plus an "untagged" column, so a shift to untagged cases counts too. */
function chiSquareOn(
  curatedKeys: readonly (string | undefined)[],
  productionKeys: readonly (string | undefined)[],
  keys: readonly string[],
): number {
  const row = (sample: readonly (string | undefined)[]) => {
    const counts = countKeys(sample)
    const untagged = sample.filter((k) => k === undefined).length
    return [...keys.map((k) => counts.get(k) ?? 0), untagged]
  }
  return chiSquareHomogeneity([row(curatedKeys), row(productionKeys)]).pValue
}
