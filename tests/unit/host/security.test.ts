import { describe, expect, it } from 'vitest'
import { hostToken } from '../../../electron/main/host/security'

describe('hostToken', () => {
  it('makes a fresh random token when none is given', () => {
    const [a, b] = [hostToken(undefined), hostToken('  ')]
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(b).not.toBe(a)
  })

  it('keeps a given token that is hard enough to guess, so a restart keeps open pages working', () => {
    expect(hostToken(' 4f0c1e2d-b6a7_98a1c0ffee42 ')).toBe('4f0c1e2d-b6a7_98a1c0ffee42')
  })

  it('refuses a short or odd token instead of serving the workspace behind it', () => {
    expect(() => hostToken('secret')).toThrow(/at least 24 characters/)
    expect(() => hostToken('a'.repeat(30) + '?')).toThrow(/EVALLAB_HOST_TOKEN/)
  })
})
