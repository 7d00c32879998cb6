import type { DriftReport } from '../../../../../shared/domain/production'

type ShareRow = DriftReport['tags'][number]

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })

/** "Spanish" for "es"; the code itself when the runtime does not know it ("und" reads "Undetermined"). */
export function languageName(code: string): string {
  if (code === 'und') return 'Undetermined language'
  try {
    return languageNames.of(code) ?? code
  } catch {
    return code
  }
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`
}

const chars = (n: number) => Math.round(n).toLocaleString('en-US')

/** Plain sentences a PM can act on, biggest gaps first. */
export function driftFindings(report: Pick<DriftReport, 'length' | 'tags' | 'languages'>): string[] {
  const findings: string[] = []
  const { datasetMedian, productionMedian, drifted } = report.length
  if (drifted && datasetMedian !== null && productionMedian !== null && datasetMedian > 0) {
    const ratio = productionMedian / datasetMedian
    const how = ratio >= 1 ? `${ratio.toFixed(1)}× longer` : `${(1 / ratio).toFixed(1)}× shorter`
    findings.push(
      `Production inputs are ${how} (median ${chars(productionMedian)} vs ${chars(datasetMedian)} characters)`,
    )
  }
  for (const row of bySize(report.languages)) findings.push(shareSentence(languageName(row.key), row))
  for (const row of bySize(report.tags)) findings.push(shareSentence(row.key, row))
  if (findings.length === 0) findings.push('Production inputs match the dataset on length, tags and language')
  return findings
}

function bySize(rows: readonly ShareRow[]): ShareRow[] {
  const gap = (r: ShareRow) => Math.abs(r.productionShare - r.datasetShare)
  return rows.filter((r) => r.drifted).sort((a, b) => gap(b) - gap(a))
}

function shareSentence(name: string, row: ShareRow): string {
  const dataset =
    row.datasetShare === 0 ? 'absent from the dataset' : `${percent(row.datasetShare)} of the dataset`
  return `${name} is ${percent(row.productionShare)} of production calls but ${dataset}`
}
