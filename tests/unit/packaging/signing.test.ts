import { describe, expect, it } from 'vitest'
import { planSigning, SigningConfigError } from '../../../scripts/packaging/signing'

const certificate = { CSC_LINK: 'file:///secrets/developer-id.p12', CSC_KEY_PASSWORD: 'p12-password' }
const apiKey = {
  APPLE_API_KEY: '/secrets/AuthKey_ABC.p8',
  APPLE_API_KEY_ID: 'ABC123',
  APPLE_API_ISSUER: 'issuer-uuid',
}
const appleId = {
  APPLE_ID: 'release@example.org',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh',
  APPLE_TEAM_ID: 'TEAM1',
}

describe('planSigning: macOS', () => {
  it('without secrets, says what is skipped, ad-hoc signs, and turns notarization and keychain search off', () => {
    const plan = planSigning(['mac'], {}, 'darwin')
    expect(plan.skipped).toHaveLength(2)
    expect(plan.skipped[0]).toMatch(
      /^macOS code signing skipped: CSC_LINK \(or CSC_NAME\) is not set; .*ad-hoc/,
    )
    expect(plan.skipped[1]).toMatch(/^macOS notarization skipped: .*CSC_LINK/)
    expect(plan.enabled).toEqual([])
    expect(plan.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' })
    expect(plan.config).toEqual({ mac: { identity: '-', notarize: false } })
  })

  it('treats blank variables as absent (an unset CI secret expands to an empty string)', () => {
    expect(planSigning(['mac'], { CSC_LINK: '  ', APPLE_API_KEY: '' }, 'darwin').config).toEqual({
      mac: { identity: '-', notarize: false },
    })
  })

  it('with a certificate and an API key, signs and notarizes, changing nothing electron-builder reads', () => {
    const plan = planSigning(['mac'], { ...certificate, ...apiKey }, 'darwin')
    expect(plan.skipped).toEqual([])
    expect(plan.enabled).toEqual([
      'macOS: signed with the Developer ID certificate from CSC_LINK',
      'macOS: notarized with an App Store Connect API key',
    ])
    expect(plan.env).toEqual({})
    expect(plan.config).toEqual({})
  })

  it('accepts an Apple ID, a keychain profile, or a keychain identity (CSC_NAME)', () => {
    expect(planSigning(['mac'], { ...certificate, ...appleId }, 'darwin').enabled[1]).toBe(
      'macOS: notarized with an Apple ID',
    )
    const profile = planSigning(
      ['mac'],
      { CSC_NAME: 'Example Org (TEAM1)', APPLE_KEYCHAIN_PROFILE: 'notary' },
      'darwin',
    )
    expect(profile.enabled).toEqual([
      'macOS: signed with the Developer ID certificate from CSC_NAME',
      'macOS: notarized with a notarytool keychain profile',
    ])
  })

  it('signs but skips notarization, naming the variables, when only the certificate is there', () => {
    const plan = planSigning(['mac'], certificate, 'darwin')
    expect(plan.enabled).toEqual(['macOS: signed with the Developer ID certificate from CSC_LINK'])
    expect(plan.skipped).toEqual([
      expect.stringMatching(/^macOS notarization skipped: set APPLE_API_KEY, APPLE_API_KEY_ID/),
    ])
    expect(plan.config).toEqual({ mac: { notarize: false } })
  })

  it('refuses a half-set credential group, naming what is missing', () => {
    const half = { ...certificate, APPLE_ID: 'release@example.org', APPLE_TEAM_ID: 'TEAM1' }
    expect(() => planSigning(['mac'], half, 'darwin')).toThrow(SigningConfigError)
    expect(() => planSigning(['mac'], half, 'darwin')).toThrow(/APPLE_APP_SPECIFIC_PASSWORD is not set/)
    expect(() => planSigning(['mac'], { ...certificate, APPLE_API_KEY: 'k' }, 'darwin')).toThrow(
      /APPLE_API_KEY_ID, APPLE_API_ISSUER are not set/,
    )
  })

  it('says signing is skipped when the mac app is packaged on another system', () => {
    const plan = planSigning(['mac'], { ...certificate, ...apiKey }, 'linux')
    expect(plan.skipped).toEqual([
      'macOS code signing and notarization skipped: they run only on macOS (this is linux)',
    ])
    expect(plan.enabled).toEqual([])
  })
})

describe('planSigning: Windows and Linux', () => {
  it('without a certificate, says Windows signing is skipped and why it matters', () => {
    const plan = planSigning(['win'], {}, 'win32')
    expect(plan.skipped).toEqual([
      'Windows code signing skipped: WIN_CSC_LINK (or CSC_LINK) is not set; SmartScreen warns that the publisher is unknown',
    ])
    expect(plan.env).toEqual({})
  })

  it('signs with WIN_CSC_LINK, or with CSC_LINK and says so', () => {
    expect(planSigning(['win'], { WIN_CSC_LINK: 'file:///w.pfx' }, 'win32').enabled).toEqual([
      'Windows: signed with the certificate from WIN_CSC_LINK',
    ])
    expect(planSigning(['win'], { CSC_LINK: 'file:///w.pfx' }, 'win32').enabled).toEqual([
      'Windows: signed with the certificate from CSC_LINK (WIN_CSC_LINK is not set)',
    ])
  })

  it('has nothing to sign for Linux, and plans only the platforms asked for', () => {
    expect(planSigning(['linux'], {}, 'linux')).toEqual({ skipped: [], enabled: [], env: {}, config: {} })
    const both = planSigning(['mac', 'win'], {}, 'darwin')
    expect(both.skipped.map((line) => line.split(':')[0])).toEqual([
      'macOS code signing skipped',
      'macOS notarization skipped',
      'Windows code signing skipped',
    ])
  })
})
