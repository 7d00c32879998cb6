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

/**
 * The segment a dataset without tags is charted as: every case in one group, so the segment charts and the
 * projection still work on the whole dataset (the screen says what to tag to split it).
 */
export const allCasesSegment = 'all cases'

/** The segments of a prefix, or the single "all cases" one when the series carry no tags (prefix ''). */
export function segmentTags(series: readonly CompareSeries[], prefix: string): string[] {
  return prefix === '' ? [allCasesSegment] : tagsWithPrefix(series, prefix)
}

/** "tier:enterprise" under the "tier" segment reads as "enterprise": the axis already says which prefix. */
export function segmentValue(tag: string): string {
  const at = tag.indexOf(':')
  return at > 0 ? tag.slice(at + 1) : tag
}

/**
 * Axis and legend labels for the series: "v4 · gpt-4o", with the prompt, the provider and the run added
 * only where two series would otherwise read the same, so labels stay short and tell the series apart.
 * The full label (CompareSeries.label) stays in the tooltip.
 */
export function shortLabels(series: readonly CompareSeries[]): string[] {
  const parts = (s: CompareSeries, level: number): string => {
    const model = level >= 1 ? `${s.provider}/${s.modelId}` : s.modelId
    const prompts = new Set(series.map((x) => x.promptName)).size > 1
    const text = `${prompts ? `${s.promptName} ` : ''}v${s.versionNumber} · ${model}`
    return level >= 2 ? `${text} · ${s.runName}` : text
  }
  const unique = (level: number) => new Set(series.map((s) => parts(s, level))).size === series.length
  const level = unique(0) ? 0 : unique(1) ? 1 : 2
  const labels = series.map((s) => shortLabel(parts(s, level), 40))
  // Truncation may make two labels equal again: number them rather than draw two bars with one name.
  return labels.map((l, i) => (labels.indexOf(l) === i ? l : `${l} (${i + 1})`))
}

/** A legend over series named by their full label: it shows the short labels, the full one on hover. */
export function legendOf(series: readonly CompareSeries[]) {
  const short = shortLabels(series)
  const byName = new Map(series.map((s, i) => [s.label, short[i] ?? s.label]))
  return {
    type: 'scroll' as const,
    formatter: (name: string) => byName.get(name) ?? shortLabel(name, 40),
    tooltip: { show: true },
  }
}

/** Long labels overlap on a category axis: keep the start, which names the prompt version and model. */
export function shortLabel(label: string, max = 28): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`
}

/** Tooltip formatters return HTML: prompt and run names are user text, so escape them. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
