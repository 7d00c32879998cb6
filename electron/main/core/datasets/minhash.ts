/**
 * Near-duplicate candidates by MinHash and LSH banding: each text becomes a set of word 3-shingles, each set a
 * signature of SIGNATURE_SIZE minimum hashes, and two texts whose signatures agree on a whole band of rows
 * become a candidate pair. The caller verifies candidates with the exact Jaccard similarity, so LSH only has to
 * find them: the banding is chosen for ≥ 99% recall at the threshold, at a cost of some false candidates.
 */

const SIGNATURE_SIZE = 128
const SHINGLE_WORDS = 3

/** Lower-cased words (letters and digits in any script); punctuation and spacing do not count. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
}

/** The sorted distinct hashes of a text's word 3-shingles; a text of one or two words is one shingle. */
export function shingles(text: string): Uint32Array {
  const list = words(text)
  if (list.length === 0) return new Uint32Array(0)
  const out = new Set<number>()
  const last = Math.max(0, list.length - SHINGLE_WORDS)
  for (let i = 0; i <= last; i++) out.add(fnv1a(list.slice(i, i + SHINGLE_WORDS).join(' ')))
  return Uint32Array.from(out).sort()
}

/** |A ∩ B| / |A ∪ B| of two sorted sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      shared += 1
      i += 1
      j += 1
    } else if (x < y) i += 1
    else j += 1
  }
  const union = a.length + b.length - shared
  return union === 0 ? 0 : shared / union
}

/** Rows per band: the most (fewest false candidates) that still finds a pair at the threshold 99% of the time. */
export function bandRows(threshold: number): number {
  let best = 1
  for (let rows = 1; rows <= 16; rows++) {
    const bands = Math.floor(SIGNATURE_SIZE / rows)
    const found = 1 - (1 - threshold ** rows) ** bands
    if (found >= 0.99) best = rows
  }
  return best
}

/**
 * Calls `visit(i, j)` once for every pair of sets (by index, i < j) whose signatures share a band. Empty sets
 * take no part. Work is linear in the number of sets plus the number of candidate pairs — never all pairs.
 */
export function candidatePairs(
  sets: readonly Uint32Array[],
  threshold: number,
  visit: (i: number, j: number) => void,
): void {
  const rows = bandRows(threshold)
  const bands = Math.floor(SIGNATURE_SIZE / rows)
  const signatures = sets.map(signature)
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>()
    sets.forEach((set, index) => {
      if (set.length === 0) return
      const key = bandKey(signatures[index] as Uint32Array, band * rows, rows)
      const bucket = buckets.get(key)
      if (bucket) bucket.push(index)
      else buckets.set(key, [index])
    })
    for (const bucket of buckets.values()) {
      visitBucket(bucket, (i, j) => {
        // A pair that already met in an earlier band was visited then.
        if (!metBefore(signatures[i] as Uint32Array, signatures[j] as Uint32Array, band, rows)) visit(i, j)
      })
    }
  }
}

function visitBucket(bucket: readonly number[], visit: (i: number, j: number) => void): void {
  for (let a = 0; a < bucket.length; a++) {
    for (let b = a + 1; b < bucket.length; b++) visit(bucket[a] ?? 0, bucket[b] ?? 0)
  }
}

function metBefore(x: Uint32Array, y: Uint32Array, band: number, rows: number): boolean {
  for (let earlier = 0; earlier < band; earlier++) {
    let same = true
    for (let r = earlier * rows; r < (earlier + 1) * rows && same; r++) same = x[r] === y[r]
    if (same) return true
  }
  return false
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(i * 0x9e3779b9 + 0x85ebca6b))

/** One minimum per seeded hash function: two sets agree on a row with probability equal to their Jaccard. */
function signature(set: Uint32Array): Uint32Array {
  const out = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const shingle of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(shingle ^ (SEEDS[i] ?? 0))
      if (h < (out[i] ?? 0)) out[i] = h
    }
  }
  return out
}

function bandKey(sig: Uint32Array, from: number, rows: number): number {
  let h = 0x811c9dc5
  for (let r = from; r < from + rows; r++) h = fmix32(h ^ (sig[r] ?? 0))
  return h
}

/** MurmurHash3's finaliser: a fast 32-bit bijection that mixes every input bit into every output bit. */
function fmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
