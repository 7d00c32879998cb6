import type { CompareSeries } from '../../../../../shared/domain/compare'
import type { MetricSummary } from '../../../../../shared/domain/scoring'

/** Quality values are 0..1; three decimals keep the difference between close versions visible. */
export function formatScore(value: number | null): string {
  return value === null ? '—' : value.toFixed(3)
}

/** Costs per call are fractions of a cent: six decimals keep them exact enough to compare. */
export function formatUsd(value: number | null, digits = 6): string {
  return value === null ? '—' : `$${value.toFixed(digits)}`
}

export function formatMs(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`
}

export function metricOf(metrics: readonly MetricSummary[], metric: string): MetricSummary | null {
  return metrics.find((m) => m.metric === metric) ?? null
}

/** Every metric any series has, in first-seen order, with its label. */
export function metricsOf(series: readonly CompareSeries[]): { metric: string; label: string }[] {
  const seen = new Map<string, string>()
  for (const s of series) for (const m of s.metrics) if (!seen.has(m.metric)) seen.set(m.metric, m.label)
  return [...seen].map(([metric, label]) => ({ metric, label }))
}

/** Segment tags ("tier:enterprise") with the given prefix ("tier"), sorted, across all series. */
export function tagsWithPrefix(series: readonly CompareSeries[], prefix: string): string[] {
  const tags = new Set<string>()
  for (const s of series) {
    for (const t of s.byTag) if (t.tag.startsWith(`${prefix}:`)) tags.add(t.tag)
    for (const t of s.costByTag) if (t.tag.startsWith(`${prefix}:`)) tags.add(t.tag)
  }
  return [...tags].sort()
}

/** Tag prefixes ("tier", "channel") present in the series' segments. */
export function tagPrefixesOf(series: readonly CompareSeries[]): string[] {
  const prefixes = new Set<string>()
  for (const s of series)
    for (const t of [...s.byTag, ...s.costByTag]) {
      const at = t.tag.indexOf(':')
      if (at > 0) prefixes.add(t.tag.slice(0, at))
    }
  return [...prefixes].sort()
}

/** Long labels overlap on a category axis: keep the start, which names the prompt version and model. */
export function shortLabel(label: string, max = 28): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`
}

/** Tooltip formatters return HTML: prompt and run names are user text, so escape them. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
