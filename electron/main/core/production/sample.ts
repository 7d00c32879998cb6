import { createHash } from 'node:crypto'

const TWO_POW_32 = 2 ** 32

/**
 * Whether the call is in the sample: a hash of seed and call id mapped onto [0, 1). The same file (or the
 * same calls in another order, or split over two files) gives the same sample for the same seed and rate.
 */
export function isSampled(externalId: string, seed: number, sampleRate: number): boolean {
  return sampleDraw(externalId, seed) < sampleRate
}

/** sha256 rather than a short hash: ids like "chatcmpl-0001…0400" differ in few bits and must spread evenly. */
export function sampleDraw(externalId: string, seed: number): number {
  const digest = createHash('sha256').update(`${seed}:${externalId}`, 'utf8').digest()
  return digest.readUInt32BE(0) / TWO_POW_32
}

export function sampleCalls<T extends { externalId: string }>(
  calls: readonly T[],
  seed: number,
  sampleRate: number,
): T[] {
  return calls.filter((c) => isSampled(c.externalId, seed, sampleRate))
}
