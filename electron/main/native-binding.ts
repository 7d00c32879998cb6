import { join } from 'node:path'

/**
 * Where Electron finds a better-sqlite3 addon compiled for its own ABI.
 *
 * Tests, the CLI and the Node host load node_modules/better-sqlite3/build under plain Node (module
 * version 115); Electron 45 needs module version 150. The addon is handed to better-sqlite3 as
 * `nativeBinding`, from one of two places:
 *
 * - A packaged app: electron-builder's native-dependency step (npmRebuild, package.json "build") rebuilt
 *   better-sqlite3 for Electron before packing, and asarUnpack keeps the addon a real file beside the
 *   archive (a native module cannot be loaded from inside app.asar):
 *
 *     <resources>/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node
 *
 * - From source (`npm start`, `npm run dev`): rebuilding node_modules back and forth would break whichever
 *   side ran last, so scripts/ensure-electron-sqlite.mjs (which cannot import TypeScript and mirrors this
 *   rule) keeps the Electron build beside it:
 *
 *     <project>/.native/electron-v<electronVersion>-<platform>-<arch>/better_sqlite3.node
 */
export const NATIVE_DIR = '.native'
export const BINDING_FILE = 'better_sqlite3.node'
/** The addon's path inside the packaged app folder; package.json "build".asarUnpack must cover it. */
export const PACKAGED_BINDING = `node_modules/better-sqlite3/build/Release/${BINDING_FILE}`

export interface NativeTarget {
  /** Electron's version, with or without a leading "v" (process.versions.electron has none). */
  electronVersion: string
  platform: string
  arch: string
}

export interface NativeLocation {
  packaged: boolean
  /** app.getAppPath(): the project folder when run from source, <resources>/app.asar when packaged. */
  appPath: string
  /** process.resourcesPath: where a packaged app keeps app.asar and app.asar.unpacked. */
  resourcesPath: string
}

export function nativeBindingDirName(target: NativeTarget): string {
  const version = target.electronVersion.replace(/^v/, '')
  return `electron-v${version}-${target.platform}-${target.arch}`
}

/** The .native layout used from source. */
export function nativeBindingPath(root: string, target: NativeTarget): string {
  return join(root, NATIVE_DIR, nativeBindingDirName(target), BINDING_FILE)
}

/** Where the addon should be for this way of running. */
export function expectedBindingPath(location: NativeLocation, target: NativeTarget): string {
  if (location.packaged)
    return join(location.resourcesPath, 'app.asar.unpacked', ...PACKAGED_BINDING.split('/'))
  return nativeBindingPath(location.appPath, target)
}

/**
 * The binding to pass to the core, or undefined when it is missing: better-sqlite3 then tries its
 * default build, fails with an ABI message, and the core reports that on the recovery screen.
 */
export function findNativeBinding(
  location: NativeLocation,
  target: NativeTarget,
  exists: (path: string) => boolean,
): string | undefined {
  const path = expectedBindingPath(location, target)
  return exists(path) ? path : undefined
}

/** What to tell the developer (or the log of a damaged install) when findNativeBinding found nothing. */
export function missingBindingHint(packaged: boolean): string {
  return packaged
    ? `the packaged app has no better-sqlite3 addon at app.asar.unpacked/${PACKAGED_BINDING}: the install is damaged or the package was built without its native-dependency step; reinstall it`
    : 'no Electron build of better-sqlite3 found; run `npm start` to build one'
}
