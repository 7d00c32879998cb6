import { describe, expect, it } from 'vitest'
import {
  expectedBindingPath,
  findNativeBinding,
  missingBindingHint,
  nativeBindingDirName,
  nativeBindingPath,
} from '../../../electron/main/native-binding'

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' }
const dev = { packaged: false, appPath: '/work/app', resourcesPath: '/opt/electron/resources' }
const packaged = {
  packaged: true,
  appPath: '/opt/Eval Lab/resources/app.asar',
  resourcesPath: '/opt/Eval Lab/resources',
}
const unpackedAddon =
  '/opt/Eval Lab/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'

describe('native binding layout', () => {
  it('names the folder after the Electron version, platform and arch', () => {
    expect(nativeBindingDirName(target)).toBe('electron-v45.5.0-linux-x64')
    expect(nativeBindingDirName({ ...target, electronVersion: 'v45.5.0' })).toBe('electron-v45.5.0-linux-x64')
    expect(nativeBindingDirName({ electronVersion: '46.0.1', platform: 'darwin', arch: 'arm64' })).toBe(
      'electron-v46.0.1-darwin-arm64',
    )
  })

  it('from source, uses <project>/.native/<folder>/better_sqlite3.node, never node_modules', () => {
    expect(nativeBindingPath('/work/app', target)).toBe(
      '/work/app/.native/electron-v45.5.0-linux-x64/better_sqlite3.node',
    )
    expect(expectedBindingPath(dev, target)).toBe(nativeBindingPath('/work/app', target))
    expect(expectedBindingPath(dev, target)).not.toContain('node_modules')
  })

  it('packaged, uses the addon electron-builder rebuilt, unpacked beside app.asar (no .native copy)', () => {
    expect(expectedBindingPath(packaged, target)).toBe(unpackedAddon)
    expect(expectedBindingPath(packaged, target)).not.toContain('.native')
  })
})

describe('findNativeBinding', () => {
  it('returns the packaged path when the file exists', () => {
    const seen: string[] = []
    const found = findNativeBinding(packaged, target, (path) => (seen.push(path), true))
    expect(found).toBe(unpackedAddon)
    expect(seen).toEqual([unpackedAddon])
  })

  it('returns undefined when it is missing, so the core reports the error', () => {
    expect(findNativeBinding(dev, target, () => false)).toBeUndefined()
    expect(findNativeBinding(packaged, target, () => false)).toBeUndefined()
  })

  it('says a packaged app is damaged, and tells a developer to run npm start', () => {
    expect(missingBindingHint(true)).toContain('app.asar.unpacked/node_modules/better-sqlite3')
    expect(missingBindingHint(true)).toContain('reinstall')
    expect(missingBindingHint(false)).toContain('npm start')
  })
})
