import { describe, expect, it } from 'vitest'
import { toScoreOutcome } from '../../../../../electron/main/core/scoring/code'

describe('code scorer outcome as a score row', () => {
  it('keeps score, pass and reason of a result', () => {
    expect(toScoreOutcome({ ok: true, score: 0.75, passed: null, reason: 'three of four fields' })).toEqual({
      value: 0.75,
      raw: 0.75,
      passed: null,
      reason: 'three of four fields',
    })
  })

  it('leaves a failed scorer out of the metric, with its message and kind', () => {
    const failed = toScoreOutcome({
      ok: false,
      kind: 'timeout',
      message: 'The scorer ran past its 250 ms time limit',
    })
    expect(failed).toEqual({
      value: null,
      raw: null,
      passed: null,
      reason: 'The code scorer failed: The scorer ran past its 250 ms time limit',
      details: { codeError: 'timeout' },
    })
  })
})
