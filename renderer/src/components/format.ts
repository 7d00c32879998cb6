const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/*
 * One formatter of each kind for the whole app: building an Intl formatter costs far more than using one
 * (a list of a few hundred rows formatting dates with fresh formatters is a long task on its own).
 */
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const countFormat = new Intl.NumberFormat()

/** Absolute texts by ISO string: the same few timestamps are shown again on every render. */
const absoluteCache = new Map<string, string>()
const absoluteCacheMax = 2000

/** "3 hours ago"; "just now" under a minute; the raw string if it is not a date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const seconds = Math.round((then - now) / 1000)
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit)
  }
  return 'just now'
}

/** Full local date and time, for tooltips and <time> titles. */
export function formatAbsolute(iso: string): string {
  const known = absoluteCache.get(iso)
  if (known !== undefined) return known
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const text = absoluteFormat.format(then)
  if (absoluteCache.size >= absoluteCacheMax) absoluteCache.clear()
  absoluteCache.set(iso, text)
  return text
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** Dollars with enough digits to show small amounts: $1.50, $0.012, $0.00042, $0. */
export function formatUsd(value: number): string {
  if (value === 0) return '$0'
  const digits = value >= 1 ? 2 : Math.min(8, Math.max(2, 1 - Math.floor(Math.log10(value))))
  return `$${value.toFixed(digits)}`
}

/** "under a second", "45 s", "3 min 20 s", "2 h 5 min": a duration a person reads at a glance. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown'
  if (seconds < 1) return 'under a second'
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  const minutes = Math.floor(s / 60)
  if (minutes < 60) {
    const rest = s % 60
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
  }
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** 12,345 in the user's locale. */
export function formatCount(value: number): string {
  return countFormat.format(value)
}
