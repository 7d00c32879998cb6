import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, session } from 'electron'
import type { BrowserWindow, Session, WebContents } from 'electron'
import { openCore, resolveHome } from './core/index'
import type { Core } from './core/index'
import { createEnvironmentSecretStore, type SecretStore } from './core/secrets'
import { createSessionSigningKeyStore, type SigningKeyStore } from './core/signing'
import { registerIpc } from './ipc'
import type { IpcBridge } from './ipc'
import { applyLaunchFlags } from './launch-flags'
import { findNativeBinding, missingBindingHint } from './native-binding'
import { createAppSecretStore } from './secrets'
import { createAppSigningKeyStore } from './signing-keys'
import { appUrlFor, createMainWindow, windowPaths } from './window'
import type { MainWindowOptions } from './window'

// App lifecycle only. Everything the app does lives in the core, reached through ipc.ts.

// Before ready, so every renderer is sandboxed whatever a future window's webPreferences say.
app.enableSandbox()

// The same folder the Node host opens (core/home.ts platformDataDir), whatever package.json's name is;
// set before the single-instance lock, which lives in this folder.
app.setPath('userData', join(app.getPath('appData'), 'Eval Lab'))

// A packaged app started without the heap cap starts again with it (launch-flags.ts); this process then only
// exits, so it never takes the lock the relaunched one needs.
if (!applyLaunchFlags(app)) {
  if (app.requestSingleInstanceLock()) {
    start()
  } else {
    // Another instance already holds the workspace database; 'second-instance' focuses it instead.
    app.quit()
  }
}

function start(): void {
  let core: Core | undefined
  let ipc: IpcBridge | undefined
  let window: BrowserWindow | undefined

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))
  app.on('second-instance', () => focus(window))
  // The core and its database belong to the one window: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    ipc?.dispose()
    core?.close()
  })

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession)
    // safeStorage is only usable once the app is ready, so the key stores are built here.
    core = startCore(await appSecrets(), await appSigningKeys())
    if (!core) return
    ipc = registerIpc(core)
    window = openWindow(ipc)
    window.on('closed', () => (window = undefined))
  })
}

/** The data folder: `--home DIR` beats EVALLAB_HOME beats Electron's per-user folder. */
function dataHome(): string {
  return resolve(resolveHome(process.argv, process.env, app.getPath('userData')))
}

function startCore(secrets: SecretStore, signingKeys: SigningKeyStore): Core | undefined {
  const home = dataHome()
  try {
    return openCore({ home, nativeBinding: electronSqliteBinding(), secrets, signingKeys })
  } catch (error) {
    // openCore reports workspace problems through core.status; reaching here means it could not even try.
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('Eval Lab could not start', `Data folder: ${home}\n\n${message}`)
    app.quit()
    return undefined
  }
}

/** Keys in the OS keychain; if even that store cannot be built, the environment alone, as in the host. */
async function appSecrets(): Promise<SecretStore> {
  try {
    return await createAppSecretStore(app.getPath('userData'))
  } catch (error) {
    console.warn('[main] the key store could not be opened; keys are read from the environment only', error)
    return createEnvironmentSecretStore(process.env)
  }
}

/** Signing keys in the OS keychain; if that store cannot be built, keys that last for this session only. */
async function appSigningKeys(): Promise<SigningKeyStore> {
  try {
    return await createAppSigningKeyStore(app.getPath('userData'))
  } catch (error) {
    console.warn('[main] the signing key store could not be opened; keys last for this session only', error)
    return createSessionSigningKeyStore()
  }
}

/**
 * better-sqlite3 built for Electron's ABI, or undefined: in a packaged app the build electron-builder made
 * (app.asar.unpacked), from source the one scripts/ensure-electron-sqlite.mjs made (.native/).
 */
function electronSqliteBinding(): string | undefined {
  const location = {
    packaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  }
  const target = {
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  }
  const binding = findNativeBinding(location, target, existsSync)
  if (!binding) console.warn(`[main] ${missingBindingHint(location.packaged)}`)
  return binding
}

function openWindow(ipc: IpcBridge): BrowserWindow {
  const options: MainWindowOptions = {
    ...windowPaths(dirname(fileURLToPath(import.meta.url))),
    // Never in a packaged app: an environment variable must not be able to point the window elsewhere.
    devUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  }
  const window = createMainWindow(options)
  ipc.attach(window, appUrlFor(options))
  return window
}

function focus(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.focus()
}

/** The app needs no camera, microphone, notifications, devices or geolocation: refuse them all. */
function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
}

/** Applies to every webContents, including any a bug might create: no webviews, no pop-ups. */
function lockDownContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
