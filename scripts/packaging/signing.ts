/**
 * What `npm run dist` signs and notarises, decided from the environment alone (a pure function, so a test
 * can feed it any environment). scripts/package-app.mjs prints the lines, sets `env` on process.env and
 * merges `config` over package.json "build" before it calls electron-builder.
 *
 * The variables are electron-builder's own (https://www.electron.build/code-signing): the script only
 * decides, in one place, what happens when they are absent, and says so instead of leaving it to a warning
 * in the middle of electron-builder's log.
 */

export type TargetPlatform = 'mac' | 'win' | 'linux'

export type Env = Readonly<Record<string, string | undefined>>

export interface MacSigningConfig {
  /** '-' is an ad-hoc signature: no identity, but a valid seal (see macWithoutCertificate). */
  identity?: string
  notarize?: boolean
}

export interface SigningPlan {
  /** One line per thing skipped, with the variable that would turn it on. */
  skipped: string[]
  /** One line per thing that will be signed or notarised, naming where the secret comes from. */
  enabled: string[]
  /** Set on process.env before electron-builder runs. */
  env: Record<string, string>
  /** Merged over package.json "build". */
  config: { mac?: MacSigningConfig }
}

/** Thrown for a half-configured secret set: electron-builder would fail later and less clearly. */
export class SigningConfigError extends Error {}

const set = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== ''

/** electron-builder's three notarisation credential sets (MacTargetHelper.getNotarizeOptions), in its order. */
const NOTARY_SETS = [
  { label: 'an Apple ID', names: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] },
  { label: 'an App Store Connect API key', names: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] },
  { label: 'a notarytool keychain profile', names: ['APPLE_KEYCHAIN_PROFILE'] },
] as const

function notaryCredentials(env: Env): string | undefined {
  for (const { label, names } of NOTARY_SETS) {
    const present = names.filter((name) => set(env, name))
    if (present.length === 0) continue
    const missing = names.filter((name) => !set(env, name))
    if (missing.length > 0)
      throw new SigningConfigError(
        `macOS notarization with ${label} needs ${names.join(', ')}; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
      )
    return label
  }
  return undefined
}

/**
 * Without a Developer ID certificate electron-builder 26 would skip signing altogether, leaving Electron's
 * linker signature broken by the rewritten Info.plist: Apple silicon then calls the app "damaged" and offers
 * no way to open it. An ad-hoc signature keeps the seal valid; Gatekeeper still warns about an unidentified
 * developer, which users can get past. Hardened runtime stays on: electron-builder's default entitlements
 * include disable-library-validation, which ad-hoc signing needs.
 */
function macWithoutCertificate(plan: SigningPlan): void {
  plan.skipped.push(
    'macOS code signing skipped: CSC_LINK (or CSC_NAME) is not set; the app is ad-hoc signed, so it opens on Apple silicon but Gatekeeper warns that the developer is unidentified',
    'macOS notarization skipped: it needs a Developer ID certificate (CSC_LINK) first',
  )
  // No keychain search either: a certificate that happens to be on this Mac must not sign by surprise.
  plan.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false'
  plan.config.mac = { identity: '-', notarize: false }
}

function planMac(plan: SigningPlan, env: Env, hostPlatform: string): void {
  if (hostPlatform !== 'darwin') {
    plan.skipped.push(
      `macOS code signing and notarization skipped: they run only on macOS (this is ${hostPlatform})`,
    )
    return
  }
  const certificate = set(env, 'CSC_LINK') ? 'CSC_LINK' : set(env, 'CSC_NAME') ? 'CSC_NAME' : undefined
  if (!certificate) return macWithoutCertificate(plan)
  plan.enabled.push(`macOS: signed with the Developer ID certificate from ${certificate}`)
  const notary = notaryCredentials(env)
  if (notary) {
    plan.enabled.push(`macOS: notarized with ${notary}`)
    return
  }
  plan.skipped.push(
    'macOS notarization skipped: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER (or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID); Gatekeeper blocks a signed app that is not notarized until the user allows it',
  )
  plan.config.mac = { notarize: false }
}

function planWindows(plan: SigningPlan, env: Env): void {
  // electron-builder reads WIN_CSC_LINK first and falls back to CSC_LINK (which may be a macOS certificate).
  if (set(env, 'WIN_CSC_LINK')) {
    plan.enabled.push('Windows: signed with the certificate from WIN_CSC_LINK')
  } else if (set(env, 'CSC_LINK')) {
    plan.enabled.push('Windows: signed with the certificate from CSC_LINK (WIN_CSC_LINK is not set)')
  } else {
    plan.skipped.push(
      'Windows code signing skipped: WIN_CSC_LINK (or CSC_LINK) is not set; SmartScreen warns that the publisher is unknown',
    )
  }
}

/**
 * The signing plan for the platforms being packaged, from the environment and the machine building them.
 * Linux has nothing to plan: AppImage and deb carry no signature.
 */
export function planSigning(
  platforms: readonly TargetPlatform[],
  env: Env,
  hostPlatform: string,
): SigningPlan {
  const plan: SigningPlan = { skipped: [], enabled: [], env: {}, config: {} }
  if (platforms.includes('mac')) planMac(plan, env, hostPlatform)
  if (platforms.includes('win')) planWindows(plan, env)
  return plan
}
