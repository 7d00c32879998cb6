import type { ElectronApplication } from '@playwright/test'

/** A navigation the window was asked to make, and whether the app's guard refused it. */
export interface NavigationAttempt {
  url: string
  refused: boolean
}

/** The record kept in the main process (evaluate's functions run there, serialized: no closures). */
interface MainGlobal {
  __evalLabSmokeNavigations?: NavigationAttempt[]
}

/** app.getPath('userData') as the packaged app's main process sees it. */
export function userDataPath(app: ElectronApplication): Promise<string> {
  return app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
}

/**
 * Records every will-navigate of the app's windows from now on. Added after the app's own guard
 * (electron/main/window.ts), so by the time this listener runs the guard has decided.
 */
export async function recordNavigations(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ BrowserWindow }) => {
    const store = globalThis as unknown as MainGlobal
    if (store.__evalLabSmokeNavigations) return
    const attempts: NavigationAttempt[] = []
    store.__evalLabSmokeNavigations = attempts
    for (const window of BrowserWindow.getAllWindows()) {
      window.webContents.on('will-navigate', (event) => {
        attempts.push({ url: event.url, refused: event.defaultPrevented })
      })
    }
  })
}

export function navigationAttempts(app: ElectronApplication): Promise<NavigationAttempt[]> {
  return app.evaluate(() => (globalThis as unknown as MainGlobal).__evalLabSmokeNavigations ?? [])
}

/** Windows the main process has open (a pop-up the page managed to open would be one more). */
export function openWindowCount(app: ElectronApplication): Promise<number> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)
}

/** V8's heap limit of the packaged app's main process, in MB (the main is ESM: no require there). */
export function mainHeapLimitMb(app: ElectronApplication): Promise<number> {
  return app.evaluate(() => {
    const v8 = process.getBuiltinModule('node:v8')
    return v8.getHeapStatistics().heap_size_limit / 1024 / 1024
  })
}
