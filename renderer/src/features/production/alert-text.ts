import type { Alert, ProductionImport } from '../../../../shared/domain/production'
import { formatMetricValue } from '../../stores/production/units'

/** "Format check 93.8 % < 99 % on march.jsonl": the value, the side it broke and where. */
export function alertSentence(alert: Alert, imports: readonly ProductionImport[]): string {
  const file = imports.find((i) => i.id === alert.importId)?.fileName ?? 'the latest import'
  const sign = alert.threshold.direction === 'min' ? '<' : '>'
  const value = alert.value === null ? 'no value' : formatMetricValue(alert.metric, alert.value)
  return `${alert.label} ${value} ${sign} ${formatMetricValue(alert.metric, alert.threshold.value)} on ${file}`
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
