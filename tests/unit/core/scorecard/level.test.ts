import { describe, expect, it } from 'vitest'
import { reachedLevel } from '../../../../electron/main/core/scorecard/scorecard'

const c = (level: number, met: boolean) => ({ level, met })

describe('reachedLevel', () => {
  it('is the highest level whose criteria and all those below are met', () => {
    expect(reachedLevel([c(1, false), c(2, true), c(3, true)])).toBe(0)
    expect(reachedLevel([c(1, true), c(1, true), c(2, false), c(3, true)])).toBe(1)
    expect(reachedLevel([c(1, true), c(2, true), c(3, false)])).toBe(2)
    expect(reachedLevel([c(1, true), c(2, true), c(3, true)])).toBe(3)
  })
})
