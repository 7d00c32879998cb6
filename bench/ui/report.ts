/**
 * The UI benchmark's figures beside the targets of issue 18 (stated for 50,000 results on this 2-core
 * machine; the 10,000-result row is held to the same ones), each with a met / not-met flag, as JSON for
 * bench/results-ui.json and as a table for the terminal.
 */

/** A measured figure; `value` null with a `note` when the step did not get there within its budget. */
export interface Figure {
  value: number | null
  unit: string
  /** The target as text (e.g. "≤ 300"), null where the issue sets none and the figure is for reference. */
  target: string | null
  /** null: no target, or nothing measured. */
  met: boolean | null
  note?: string
}

type Bound = { max: number } | { min: number } | null

/** The figures in table order: name, unit, target. */
export const figureSpecs = {
  runsStartMs: { unit: 'ms', bound: { max: 1000 } },
  stallStartMaxMs: { unit: 'ms', bound: { max: 100 } },
  stallRunMaxMs: { unit: 'ms', bound: { max: 100 } },
  stallScoreMaxMs: { unit: 'ms', bound: { max: 100 } },
  slowPings: { unit: 'pings > 100 ms', bound: { max: 0 } },
  pingErrors: { unit: 'failed pings', bound: { max: 0 } },
  runWallS: { unit: 's', bound: null },
  runsScoreMs: { unit: 'ms', bound: null },
  scoreResultsPerS: { unit: 'results/s', bound: { min: 20_000 } },
  firstLoadLongTaskWorstMs: { unit: 'ms', bound: { max: 100 } },
  gridOpenMs: { unit: 'ms', bound: null },
  flickFrameP95Ms: { unit: 'ms', bound: { max: 20 } },
  flickLoadingFrames: { unit: 'frames', bound: null },
  summaryTabMs: { unit: 'ms', bound: { max: 300 } },
  gridTabMs: { unit: 'ms', bound: null },
  compareAllChartsMs: { unit: 'ms', bound: { max: 1500 } },
  compareLongTaskCount: { unit: 'tasks', bound: null },
  compareLongTaskWorstMs: { unit: 'ms', bound: { max: 100 } },
  navLongTaskCount: { unit: 'tasks', bound: null },
  navLongTaskWorstMs: { unit: 'ms', bound: { max: 50 } },
  hostPeakRssMb: { unit: 'MB', bound: { max: 300 } },
  rendererHeapMb: { unit: 'MB', bound: { max: 64 } },
} satisfies Record<string, { unit: string; bound: Bound }>

export type FigureName = keyof typeof figureSpecs
export type Figures = Partial<Record<FigureName, Figure>>

function targetText(bound: Bound): string | null {
  if (!bound) return null
  return 'max' in bound ? `≤ ${bound.max.toLocaleString('en')}` : `≥ ${bound.min.toLocaleString('en')}`
}

/** A figure with its target and verdict; `value` null means "not reached" and fails any target. */
export function figure(name: FigureName, value: number | null, note?: string): Figure {
  const { unit, bound }: { unit: string; bound: Bound } = figureSpecs[name]
  const met = !bound
    ? null
    : value === null
      ? false
      : 'max' in bound
        ? value <= bound.max
        : value >= bound.min
  return { value, unit, target: targetText(bound), met, ...(note ? { note } : {}) }
}

export interface SizeReport {
  results: number
  cases: number
  models: number
  loadAverage: { atStart: number[]; atEnd: number[] }
  figures: Figures
  details: Record<string, unknown>
}

function cell(f: Figure | undefined): string {
  if (!f) return '—'
  const value = f.value === null ? (f.note ?? 'not reached') : f.value.toLocaleString('en')
  const verdict = f.met === null ? '' : f.met ? ' ✓' : ' ✗'
  return `${value}${verdict}`
}

/** One line per figure, one column per size: value, ✓/✗ against the target. */
export function printTable(reports: readonly SizeReport[]): void {
  const header = ['figure', 'target', ...reports.map((r) => `${r.results.toLocaleString('en')} results`)]
  const rows = (Object.keys(figureSpecs) as FigureName[]).map((name) => {
    const spec: { unit: string; bound: Bound } = figureSpecs[name]
    const target = targetText(spec.bound)
    return [`${name} (${spec.unit})`, target ?? '(reference)', ...reports.map((r) => cell(r.figures[name]))]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
  for (const r of reports) {
    console.log(
      `load average at ${r.results}: start ${r.loadAverage.atStart.join(' ')}, end ${r.loadAverage.atEnd.join(' ')}`,
    )
  }
}
