import { describe, expect, it } from 'vitest'
import {
  findNativeBinding,
  nativeBindingDirName,
  nativeBindingPath,
  nativeBindingRoot,
} from '../../../electron/main/native-binding'

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' }
const dev = { packaged: false, appPath: '/work/app', resourcesPath: '/opt/electron/resources' }
const packaged = {
  packaged: true,
  appPath: '/opt/app/resources/app.asar',
  resourcesPath: '/opt/app/resources',
}

describe('native binding layout', () => {
  it('names the folder after the Electron version, platform and arch', () => {
    expect(nativeBindingDirName(target)).toBe('electron-v45.5.0-linux-x64')
    expect(nativeBindingDirName({ ...target, electronVersion: 'v45.5.0' })).toBe('electron-v45.5.0-linux-x64')
    expect(nativeBindingDirName({ electronVersion: '46.0.1', platform: 'darwin', arch: 'arm64' })).toBe(
      'electron-v46.0.1-darwin-arm64',
    )
  })

  it('puts the addon under <root>/.native/<folder>/better_sqlite3.node', () => {
    expect(nativeBindingPath('/work/app', target)).toBe(
      '/work/app/.native/electron-v45.5.0-linux-x64/better_sqlite3.node',
    )
  })

  it('uses the project folder from source and the resources folder when packaged', () => {
    expect(nativeBindingRoot(dev)).toBe('/work/app')
    expect(nativeBindingRoot(packaged)).toBe('/opt/app/resources')
  })

  it('never points at node_modules, which the Node build keeps', () => {
    expect(nativeBindingPath('/work/app', target)).not.toContain('node_modules')
  })
})

describe('findNativeBinding', () => {
  it('returns the path when the file exists', () => {
    const seen: string[] = []
    const found = findNativeBinding(packaged, target, (path) => (seen.push(path), true))
    expect(found).toBe('/opt/app/resources/.native/electron-v45.5.0-linux-x64/better_sqlite3.node')
    expect(seen).toEqual([found])
  })

  it('returns undefined when it is missing, so the core reports the error', () => {
    expect(findNativeBinding(dev, target, () => false)).toBeUndefined()
  })
})
