import { resultKey, type ResultKey } from '../db/repos/run-scores'
import type { ImportScores } from './monitor-metrics'

/** One UTC day of an import's sampled calls: its first and last call and the results of that day only. */
export interface DaySlice {
  first: string
  last: string
  data: ImportScores
}

/** "2026-11-20" for an ISO time, in UTC like the logs' timestamps; null when the text is no time. */
function utcDay(iso: string): string | null {
  const time = new Date(iso)
  return Number.isNaN(time.getTime()) ? null : time.toISOString().slice(0, 10)
}

/** Each result's day by resultKey(); null when any result has no usable time (then the import is one point). */
function daysOfResults(data: ImportScores): Map<string, string> | null {
  const out = new Map<string, string>()
  for (const fact of data.facts) {
    const key = resultKey(fact)
    const at = data.times.get(key)
    const day = at === undefined ? null : utcDay(at)
    if (day === null) return null
    out.set(key, day)
  }
  return out
}

const earlier = (a: string, b: string): boolean => new Date(a).getTime() < new Date(b).getTime()

function sliceOf(data: ImportScores, keep: (k: ResultKey) => boolean): ImportScores {
  const scores = new Map([...data.scores].map(([metric, list]) => [metric, list.filter(keep)]))
  return { ...data, scores, facts: data.facts.filter(keep) }
}

/**
 * The import's results split by the UTC day of their call, oldest day first; each slice holds that day's
 * facts and scores only, so the same metric code computes its values. Null when a result has no time.
 */
export function splitByDay(data: ImportScores): DaySlice[] | null {
  const dayOf = daysOfResults(data)
  if (!dayOf) return null
  const bounds = new Map<string, { first: string; last: string }>()
  for (const [key, day] of dayOf) {
    const at = data.times.get(key) ?? ''
    const known = bounds.get(day)
    if (!known) bounds.set(day, { first: at, last: at })
    else if (earlier(at, known.first)) known.first = at
    else if (earlier(known.last, at)) known.last = at
  }
  return [...bounds]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { first, last }]) => ({
      first,
      last,
      data: sliceOf(data, (k) => dayOf.get(resultKey(k)) === day),
    }))
}
