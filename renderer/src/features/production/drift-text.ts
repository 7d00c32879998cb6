import type { DriftReport, ProductionImport } from '../../../../shared/domain/production'

/** The newest import by import time (the list order is the core's business, not the UI's assumption). */
export function latestImportId(imports: readonly ProductionImport[]): string | null {
  let latest: ProductionImport | null = null
  for (const i of imports) if (!latest || i.importedAt > latest.importedAt) latest = i
  return latest?.id ?? null
}

function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`
}

/** "Median input length 412 chars in production vs 236 in the dataset (KS 0.41, p < 0.001): longer." */
export function lengthSentence(length: DriftReport['length']): string {
  const { productionMedian: prod, datasetMedian: data } = length
  if (prod === null || data === null) return 'Input lengths could not be compared.'
  const direction = prod > data ? 'longer' : prod < data ? 'shorter' : 'the same'
  const verdict = length.drifted ? `production inputs are ${direction}` : 'no significant difference'
  return `Median input length ${Math.round(prod)} chars in production vs ${Math.round(data)} in the dataset (KS ${length.ksStatistic.toFixed(2)}, ${formatP(length.pValue)}): ${verdict}.`
}
