import { describe, expect, it } from 'vitest'
import { AdaptiveWindow, aimd } from '../../../../electron/main/core/llm/adaptive-window'

/** A window on a hand-moved clock. */
function windowOf(ceiling: number) {
  let time = 0
  const w = new AdaptiveWindow(ceiling, () => time)
  return {
    w,
    at: (t: number) => {
      time = t
    },
  }
}

describe('adaptive window (AIMD)', () => {
  it('starts at the configured concurrency and ignores a 429 share within the tolerance', () => {
    const { w } = windowOf(16)
    expect(w.slots).toBe(16)
    // One 429 in ten answers, for 200 answers: what a server with random 429s looks like.
    for (let i = 0; i < 200; i++) {
      if (i % 10 === 9) expect(w.onRefused(0)).toBe(false)
      else w.onAnswer(200)
    }
    expect(w.window).toBe(16)
    expect(w.share()).toBeLessThanOrEqual(aimd.tolerance)
    expect(w.spacingMs).toBe(0)
  })

  it('halves once per round when 429s pass the tolerance, and paces below the ceiling', () => {
    const { w, at } = windowOf(16)
    for (let i = 0; i < 30; i++) w.onAnswer(200)
    at(1000)
    // Fifty answers seen, ten of them 429s (20 %): still within the tolerance.
    for (let i = 0; i < 10; i++) w.onAnswer(200)
    for (let i = 0; i < 10; i++) expect(w.onRefused(900)).toBe(false)
    expect(w.share()).toBe(aimd.tolerance)
    // The eleventh 429 of 51 answers passes it: cut.
    expect(w.onRefused(900)).toBe(true)
    expect(w.window).toBe(8)
    // 429s to calls sent before the cut (at 1000) belong to the same round.
    expect(w.onRefused(950)).toBe(false)
    expect(w.window).toBe(8)
    // A 429 to a call sent after the cut is news: cut again.
    at(1200)
    expect(w.onRefused(1100)).toBe(true)
    expect(w.window).toBe(4)
    // Paced at window ÷ smoothed latency: 4 calls per 200 ms, one every 50 ms.
    expect(w.spacingMs).toBeCloseTo(50, 5)
  })

  it('never goes below one call, and grows back by about one per window of answers', () => {
    const { w, at } = windowOf(4)
    for (let t = 1; t <= 30; t++) {
      at(t)
      w.onRefused(t)
    }
    expect(w.window).toBe(1)
    expect(w.slots).toBe(1)
    w.onAnswer(100) // 1 + 1/1
    expect(w.window).toBe(2)
    w.onAnswer(100) // + 1/2
    w.onAnswer(100) // + 1/2.5
    expect(w.window).toBeCloseTo(2.9, 9)
    expect(w.slots).toBe(3)
    for (let i = 0; i < 20; i++) w.onAnswer(100)
    expect(w.window).toBe(4) // never above the configured concurrency
  })

  it('follows a new configured concurrency when it was not reduced, and never exceeds it', () => {
    const { w, at } = windowOf(8)
    w.setCeiling(12)
    expect(w.window).toBe(12)
    for (let t = 1; t <= 25; t++) {
      at(t)
      w.onRefused(t)
    }
    const reduced = w.window
    w.setCeiling(16)
    expect(w.window).toBe(reduced)
    w.setCeiling(1)
    expect(w.window).toBe(1)
  })
})
