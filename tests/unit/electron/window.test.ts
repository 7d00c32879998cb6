import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const { FakeBrowserWindow, resetFakeElectron } = fake
const { appUrlFor, buildWebPreferences, createMainWindow, isAppUrl, windowPaths } =
  await import('../../../electron/main/window')

const paths = windowPaths('/app/out/main')
const fileAppUrl = pathToFileURL(paths.rendererHtml).href

function openWindow(devUrl?: string): InstanceType<typeof FakeBrowserWindow> {
  createMainWindow({ ...paths, devUrl })
  const window = FakeBrowserWindow.instances.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

beforeEach(() => resetFakeElectron())

describe('buildWebPreferences', () => {
  it('locks the renderer down', () => {
    expect(buildWebPreferences('/p/index.cjs')).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    })
  })
})

describe('windowPaths', () => {
  it('points at the CommonJS preload and the built renderer next to out/main', () => {
    expect(paths).toEqual({
      preload: '/app/out/preload/index.cjs',
      rendererHtml: '/app/out/renderer/index.html',
    })
  })
})

describe('isAppUrl', () => {
  it('accepts the app file, with or without hash and query', () => {
    expect(isAppUrl(fileAppUrl, fileAppUrl)).toBe(true)
    expect(isAppUrl(`${fileAppUrl}#/prompts/1`, fileAppUrl)).toBe(true)
    expect(isAppUrl(`${fileAppUrl}?tab=runs`, fileAppUrl)).toBe(true)
  })

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppUrl('file:///etc/passwd', fileAppUrl)).toBe(false)
    expect(isAppUrl('file:///app/out/renderer/other.html', fileAppUrl)).toBe(false)
    expect(isAppUrl('https://example.com/', fileAppUrl)).toBe(false)
    expect(isAppUrl('about:blank', fileAppUrl)).toBe(false)
    expect(isAppUrl('', fileAppUrl)).toBe(false)
    expect(isAppUrl('not a url', fileAppUrl)).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    const dev = 'http://localhost:5173'
    expect(isAppUrl('http://localhost:5173/some/route', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false)
  })
})

describe('createMainWindow', () => {
  it('creates a hidden window with the locked-down preferences and loads the built page', () => {
    const window = openWindow()
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences).toEqual(buildWebPreferences(paths.preload))
    expect(window.loadedFile).toBe(paths.rendererHtml)
    expect(window.loadedUrl).toBeUndefined()
  })

  it('loads the dev server when given one', () => {
    const window = openWindow('http://localhost:5173')
    expect(window.loadedUrl).toBe('http://localhost:5173')
    expect(window.loadedFile).toBeUndefined()
    expect(appUrlFor({ ...paths, devUrl: 'http://localhost:5173' })).toBe('http://localhost:5173')
  })

  it('shows the window once it is ready to show', () => {
    const window = openWindow()
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)
  })

  it('denies window.open', () => {
    const window = openWindow()
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    })
    expect(window.webContents.windowOpenHandler?.({ url: fileAppUrl })).toEqual({ action: 'deny' })
  })

  it('prevents navigation and redirects away from the app', () => {
    const contents = openWindow().webContents
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-redirect', 'https://example.com/')).toBe(true)
  })

  it('allows navigation within the app', () => {
    const contents = openWindow().webContents
    expect(contents.navigate('will-navigate', fileAppUrl)).toBe(false)
    expect(contents.navigate('will-navigate', `${fileAppUrl}#/runs`)).toBe(false)
    expect(contents.navigate('will-redirect', fileAppUrl)).toBe(false)
  })
})
