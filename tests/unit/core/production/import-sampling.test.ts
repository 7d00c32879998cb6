import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../../../electron/main/core/production/language'
import { isSampled, sampleCalls } from '../../../../electron/main/core/production/sample'

const calls = Array.from({ length: 1000 }, (_, i) => ({
  externalId: `chatcmpl-${String(i).padStart(4, '0')}`,
}))

describe('sampling', () => {
  it('samples about the rate on 1,000 calls', () => {
    for (const rate of [0.05, 0.2, 0.5]) {
      const n = sampleCalls(calls, 1, rate).length
      expect(Math.abs(n / 1000 - rate)).toBeLessThan(0.04)
    }
  })

  it('is reproducible and independent of file order; another seed draws another sample', () => {
    const ids = (list: readonly { externalId: string }[]) => list.map((c) => c.externalId).sort()
    const a = sampleCalls(calls, 1, 0.2)
    const b = sampleCalls([...calls].reverse(), 1, 0.2)
    expect(ids(a)).toEqual(ids(b))
    expect(ids(sampleCalls(calls, 2, 0.2))).not.toEqual(ids(a))
    expect(calls.every((c) => isSampled(c.externalId, 1, 1))).toBe(true)
  })

  it('a higher rate keeps every call a lower rate sampled', () => {
    const low = sampleCalls(calls, 3, 0.1)
    expect(low.every((c) => isSampled(c.externalId, 3, 0.3))).toBe(true)
  })
})

describe('detectLanguage', () => {
  it('maps franc codes to ISO 639-1 and leaves short text undetermined', () => {
    expect(detectLanguage('I cannot log in to my account since yesterday, please help me.')).toBe('en')
    expect(
      detectLanguage(
        'No puedo acceder a mi cuenta desde ayer y el correo para restablecer la contraseña nunca llega.',
      ),
    ).toBe('es')
    expect(
      detectLanguage('Ich kann mich seit gestern nicht mehr in mein Konto einloggen, bitte helfen Sie mir.'),
    ).toBe('de')
    expect(detectLanguage('short')).toBe('und')
  })
})
