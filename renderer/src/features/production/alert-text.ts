import type { Alert, ProductionImport } from '../../../../shared/domain/production'
import { formatMetricValue } from '../../stores/production/units'

const calls = (n: number) => `${n} ${n === 1 ? 'call' : 'calls'}`

/**
 * Where the value was measured, saying whether it is the whole import's rate or one day's:
 * "on march.jsonl (whole import, 200 calls)", "on Nov 21 of march.jsonl (one day, 24 calls)".
 */
export function alertWhere(alert: Pick<Alert, 'importId' | 'scope' | 'period' | 'n'>, file: string): string {
  if (alert.scope === 'day') return `on ${alert.period} of ${file} (one day, ${calls(alert.n)})`
  return `on ${file} (whole import, ${calls(alert.n)})`
}

/** "Format check 93.8 % < 99 % on march.jsonl (whole import, 200 calls)": the value, the side it broke, where. */
export function alertSentence(alert: Alert, imports: readonly ProductionImport[]): string {
  const file = imports.find((i) => i.id === alert.importId)?.fileName ?? 'the latest import'
  const sign = alert.threshold.direction === 'min' ? '<' : '>'
  const value = alert.value === null ? 'no value' : formatMetricValue(alert.metric, alert.value)
  const limit = formatMetricValue(alert.metric, alert.threshold.value)
  return `${alert.label} ${value} ${sign} ${limit} ${alertWhere(alert, file)}`
}

/** Long inputs would push the cases off screen; the start says which ticket it was. */
export function preview(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`
}

export function formatPeriod(start: string | null, end: string | null): string {
  if (!start || !end) return 'unknown period'
  const day = (iso: string) => iso.slice(0, 10)
  return day(start) === day(end) ? day(start) : `${day(start)} – ${day(end)}`
}
