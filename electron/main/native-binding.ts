import { join } from 'node:path'

/**
 * Where Electron finds a better-sqlite3 addon compiled for its own ABI.
 *
 * Tests, the CLI and the Node host load node_modules/better-sqlite3/build under plain Node (module
 * version 115); Electron 45 needs module version 150. Rebuilding that one folder back and forth breaks
 * whichever side ran last, so the Electron build lives beside it and is handed to better-sqlite3 as
 * `nativeBinding`.
 *
 * Layout rule, mirrored by scripts/ensure-electron-sqlite.mjs (which cannot import TypeScript):
 *
 *   <root>/.native/electron-v<electronVersion>-<platform>-<arch>/better_sqlite3.node
 *
 * <root> is the project folder in development (app.getAppPath()) and process.resourcesPath in a
 * packaged app, so the packager copies `.native/<dir>` into the resources folder.
 */
export const NATIVE_DIR = '.native'
export const BINDING_FILE = 'better_sqlite3.node'

export interface NativeTarget {
  /** Electron's version, with or without a leading "v" (process.versions.electron has none). */
  electronVersion: string
  platform: string
  arch: string
}

export interface NativeLocation {
  packaged: boolean
  /** app.getAppPath(): the project folder when run from source. */
  appPath: string
  /** process.resourcesPath: where a packaged app keeps files outside its asar archive. */
  resourcesPath: string
}

export function nativeBindingDirName(target: NativeTarget): string {
  const version = target.electronVersion.replace(/^v/, '')
  return `electron-v${version}-${target.platform}-${target.arch}`
}

export function nativeBindingPath(root: string, target: NativeTarget): string {
  return join(root, NATIVE_DIR, nativeBindingDirName(target), BINDING_FILE)
}

export function nativeBindingRoot(location: NativeLocation): string {
  return location.packaged ? location.resourcesPath : location.appPath
}

/**
 * The binding to pass to the core, or undefined when none was built: better-sqlite3 then tries its
 * default build, fails with an ABI message, and the core reports that on the recovery screen.
 */
export function findNativeBinding(
  location: NativeLocation,
  target: NativeTarget,
  exists: (path: string) => boolean,
): string | undefined {
  const path = nativeBindingPath(nativeBindingRoot(location), target)
  return exists(path) ? path : undefined
}
