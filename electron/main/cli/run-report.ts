import type { Run } from '../../../shared/domain/runs'
import type { RunSummary, SliceSummary } from '../../../shared/domain/scoring'
import { interval, markdownTable, ms, percent, textTable, usd } from './format-numbers'

function sliceTitle(slice: SliceSummary): string {
  return `v${slice.versionNumber} × ${slice.provider}/${slice.modelId}`
}

function metricRows(slice: SliceSummary): string[][] {
  return slice.metrics.map((m) => [m.metric, String(m.n), percent(m.value), interval(m.ci95)])
}

function sliceFooter(slice: SliceSummary): string {
  return [
    `${slice.results} results, ${slice.errors} errors`,
    // No priced result: a total of $0 would claim a cost that is unknown.
    slice.costPerInteractionUsd === null
      ? 'cost unknown (no price for this model)'
      : `cost per interaction ${usd(slice.costPerInteractionUsd)} (total ${usd(slice.totalCostUsd)})`,
    latencyText(slice),
  ].join(' · ')
}

/** Batch answers have no latency of their own: say how many the percentiles leave out, never a bare "—". */
function latencyText(slice: SliceSummary): string {
  const { batchResults, latencyN } = slice
  if (batchResults > 0 && latencyN === 0) return `latency: batch (${batchResults} batch results)`
  const figures = `latency P50 ${ms(slice.latencyP50Ms)}, P95 ${ms(slice.latencyP95Ms)}`
  return batchResults > 0
    ? `${figures} over ${latencyN} streamed calls (${batchResults} batch results have no latency)`
    : figures
}

/** The run summary for a terminal: per slice, metric · n · value · 95 % CI, then cost and latency. */
export function runSummaryText(run: Run, summary: RunSummary): string {
  const blocks = [`Run "${run.name}": ${run.status} (${run.counts.done}/${run.counts.total} calls)`]
  for (const slice of summary.slices) {
    const table = textTable([['metric', 'n', 'value', '95 % CI'], ...metricRows(slice)])
    blocks.push(`\n${sliceTitle(slice)}\n${table}\n${sliceFooter(slice)}`)
  }
  return `${blocks.join('\n')}\n`
}

/** The same summary as Markdown (--summary FILE), e.g. for a pull-request comment. */
export function runSummaryMarkdown(run: Run, summary: RunSummary): string {
  const blocks = [
    `## Eval run: ${run.name}`,
    `Status: **${run.status}** · ${run.counts.done}/${run.counts.total} calls`,
  ]
  for (const slice of summary.slices) {
    blocks.push(`### ${sliceTitle(slice)}`)
    blocks.push(markdownTable(['metric', 'n', 'value', '95 % CI'], metricRows(slice)))
    blocks.push(sliceFooter(slice))
  }
  return `${blocks.join('\n\n')}\n`
}
