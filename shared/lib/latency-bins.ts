/** Bins a latency chart draws: about `bins` of them, from 0 to the slowest call, `binMs` wide. */
export interface LatencyBins {
  binMs: number
  /** Number of bins; the last one holds the slowest call. */
  count: number
}

/** 1, 2 or 5 × a power of ten: bin edges a reader can read off the axis. */
export function niceBin(raw: number): number {
  if (raw <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10
  return step * power
}

/** Shared bins for series whose slowest call is `maxMs` (0 when none has a latency). */
export function latencyBins(maxMs: number, bins = 30): LatencyBins {
  const binMs = niceBin(Math.max(0, maxMs) / bins)
  return { binMs, count: Math.max(1, Math.floor(maxMs / binMs) + 1) }
}
