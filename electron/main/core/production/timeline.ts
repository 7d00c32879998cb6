import type { MonitorPoint } from '../../../../shared/domain/production'
import { importMetrics, type ImportScores } from './monitor-metrics'
import type { StoredProductionImport as StoredImport } from '../db/repos/production'
import { splitByDay } from './timeline-days'

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Nov 20" in UTC (the logs' timestamps are UTC), with the year when the period spans two years. */
function day(date: Date, withYear: boolean): string {
  const text = `${months[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}`
  return withYear ? `${text}, ${date.getUTCFullYear()}` : text
}

/** "Nov 20 – Nov 21", "Nov 20" for one day, or the file name when the log had no timestamps. */
export function periodLabel(start: string | null, end: string | null, fileName: string): string {
  const from = start ? new Date(start) : null
  const to = end ? new Date(end) : from
  if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return fileName
  const years = from.getUTCFullYear() !== to.getUTCFullYear()
  const first = day(from, years)
  const last = day(to, years)
  return first === last ? first : `${first} – ${last}`
}

/** When an import's calls were made: a log of last month imported today belongs before today's. */
const pointTime = (imp: StoredImport): string => imp.periodStart ?? imp.importedAt

/** Imports in time order, oldest first; equal times in import order. */
export function oldestFirst(imports: readonly StoredImport[]): StoredImport[] {
  return [...imports].sort(
    (a, b) => pointTime(a).localeCompare(pointTime(b)) || a.importedAt.localeCompare(b.importedAt),
  )
}

/** The whole import as one point: the sample's metrics over the period its calls cover (alerts read this). */
export function importPoint(imp: StoredImport, data: ImportScores): MonitorPoint {
  return {
    importId: imp.id,
    label: periodLabel(imp.periodStart, imp.periodEnd, imp.fileName),
    periodStart: imp.periodStart,
    periodEnd: imp.periodEnd,
    n: data.facts.length,
    metrics: importMetrics(data),
  }
}

/** One point per UTC day of an import's results, each with that day's data; empty when a result has no time. */
export function dayPoints(
  whole: Pick<MonitorPoint, 'importId' | 'label'>,
  data: ImportScores,
): { point: MonitorPoint; data: ImportScores }[] {
  return (splitByDay(data) ?? []).map((d) => ({
    point: {
      importId: whole.importId,
      label: periodLabel(d.first, d.last, whole.label),
      periodStart: d.first,
      periodEnd: d.last,
      n: d.data.facts.length,
      metrics: importMetrics(d.data),
    },
    data: d.data,
  }))
}

/**
 * One point per UTC day of the import's calls, so a week-long log shows the week. An import whose results
 * carry no usable time, or whose calls fall on one day, stays one point (imports stored before results
 * held the call's time all read as the import's day, so they too stay whole).
 */
function importPoints(imp: StoredImport, data: ImportScores): MonitorPoint[] {
  const days = dayPoints({ importId: imp.id, label: imp.fileName }, data)
  return days.length < 2 ? [importPoint(imp, data)] : days.map((d) => d.point)
}

/** The timeline, oldest first: the days of each import, imports in the order their calls were made. */
export function monitorTimeline(
  imports: readonly StoredImport[],
  scoresOf: (imp: StoredImport) => ImportScores,
): MonitorPoint[] {
  return oldestFirst(imports).flatMap((imp) => importPoints(imp, scoresOf(imp)))
}
