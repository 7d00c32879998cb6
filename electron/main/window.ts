import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow } from 'electron'
import type { WebContents, WebPreferences } from 'electron'

export interface WindowPaths {
  /** The sandboxed preload, built as CommonJS (a sandboxed window cannot load an ES module). */
  preload: string
  /** The built renderer page, loaded with loadFile. */
  rendererHtml: string
}

export interface MainWindowOptions extends WindowPaths {
  /** The Vite dev server URL (ELECTRON_RENDERER_URL); the caller passes it only when not packaged. */
  devUrl?: string | undefined
}

/** Where electron-vite puts the preload and the renderer, relative to the bundled main (out/main). */
export function windowPaths(mainDir: string): WindowPaths {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererHtml: join(mainDir, '../renderer/index.html'),
  }
}

/**
 * The renderer gets no Node, no Electron and no way to grow either: everything it may do goes
 * through the two functions the preload exposes.
 */
export function buildWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  }
}

/** The URL the window loads; IPC and navigation checks compare against it. */
export function appUrlFor(options: MainWindowOptions): string {
  return options.devUrl ?? pathToFileURL(options.rendererHtml).href
}

/**
 * Whether `url` is the app itself. A file: app is exactly its index.html (hash and query are in-app
 * state); a dev-server app is its origin. Anything unparsable is foreign.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url)
  const app = parseUrl(appUrl)
  if (!candidate || !app || candidate.protocol !== app.protocol) return false
  if (app.protocol === 'file:') return candidate.host === app.host && candidate.pathname === app.pathname
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return candidate.origin === app.origin
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Eval Lab',
    backgroundColor: '#1e1e1e',
    webPreferences: buildWebPreferences(options.preload),
  })
  const appUrl = appUrlFor(options)
  guardNavigation(window.webContents, appUrl)
  window.once('ready-to-show', () => window.show())
  void loadApp(window, options)
  return window
}

/** No pop-ups, and no leaving the app: a page that is not ours must never get the preload's API. */
export function guardNavigation(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault()
  })
}

async function loadApp(window: BrowserWindow, options: MainWindowOptions): Promise<void> {
  try {
    if (options.devUrl) await window.loadURL(options.devUrl)
    else await window.loadFile(options.rendererHtml)
  } catch (error) {
    // A failed load leaves a blank window; show it anyway so the user sees something is wrong.
    console.error('[window] could not load the renderer:', error)
    if (!window.isDestroyed()) window.show()
  }
}
