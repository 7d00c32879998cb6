/** A source of uniform numbers in [0, 1), like Math.random but reproducible. */
export type Random = () => number

/**
 * mulberry32 (Tommy Ettinger): a tiny 32-bit generator that passes the usual statistical batteries
 * well enough for resampling and canary sampling, and gives the same stream for the same seed on every
 * platform, so a stored seed reproduces a bootstrap interval or a canary sample exactly.
 * The seed is reduced to 32 bits (fractions are truncated).
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  let state = Math.trunc(seed) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A uniform integer in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.floor(random() * n)
}
