import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { isMethodName, unknownMethodMessage } from '../../shared/contract/names'
import type { ErrorCode, Result } from '../../shared/contract/result'
import type { Core } from './core/index'
import { chooseFolder, FOLDER_CHANNEL } from './folder-picker'
import { isAppUrl } from './window'

/** Kept in step with electron/preload/index.ts (a test checks both agree). */
export const RPC_CHANNEL = 'evallab:rpc'
export const EVENT_CHANNEL = 'evallab:event'

/** The slice of a frame the sender check reads; WebFrameMain satisfies it. */
export interface FrameLike {
  readonly url: string
  readonly processId: number
  readonly routingId: number
}

/** The slice of a BrowserWindow the IPC layer uses, so tests can hand it a small fake. */
export interface IpcWindow {
  readonly webContents: {
    readonly id: number
    readonly mainFrame: FrameLike
    send(channel: string, ...args: unknown[]): void
    isDestroyed(): boolean
  }
  once(event: 'closed', listener: () => void): unknown
}

export interface IpcBridge {
  /**
   * Trust this window's main frame while it shows `appUrl`, and send it core events until it closes.
   * The URL is passed in rather than read from the frame, which is still blank before the page loads.
   */
  attach(window: IpcWindow, appUrl: string): void
  /** Remove the handler and every event subscription (on quit, and between tests). */
  dispose(): void
}

interface Attached {
  window: IpcWindow
  appUrl: string
  unsubscribe: () => void
}

/** The one RPC channel and the event fan-out. Validation of inputs is dispatch's job, not this one's. */
export function registerIpc(core: Pick<Core, 'dispatch' | 'bus'>): IpcBridge {
  const attached = new Map<number, Attached>()

  ipcMain.handle(RPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    handleRpc(core, findTrusted(attached, event), method, input),
  )
  // The same sender check as RPC: only our own window may open the native folder dialog.
  ipcMain.handle(FOLDER_CHANNEL, (event: IpcMainInvokeEvent, title: unknown) =>
    findTrusted(attached, event) ? chooseFolder(title) : null,
  )

  return {
    attach(window, appUrl) {
      const id = window.webContents.id
      const unsubscribe = core.bus.subscribe((name, payload) => send(window, name, payload))
      attached.set(id, { window, appUrl, unsubscribe })
      window.once('closed', () => detach(attached, id))
    },
    dispose() {
      ipcMain.removeHandler(RPC_CHANNEL)
      ipcMain.removeHandler(FOLDER_CHANNEL)
      for (const id of [...attached.keys()]) detach(attached, id)
    },
  }
}

async function handleRpc(
  core: Pick<Core, 'dispatch'>,
  trusted: boolean,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!trusted) return refuse('FORBIDDEN', 'Calls are accepted only from the Eval Lab window')
  if (!isMethodName(method)) return refuse('UNKNOWN_METHOD', unknownMethodMessage(method))
  try {
    return await core.dispatch(method, input)
  } catch (error) {
    // dispatch should never throw; if it does, Electron would pass on only the message, so wrap it.
    const message = error instanceof Error ? error.message : String(error)
    return refuse('INTERNAL', `Unexpected error: ${message}`)
  }
}

/**
 * VS Code's rule: the sender must be the main frame of a window we created, currently showing our
 * own page. A subframe, another webContents or a page navigated elsewhere is refused.
 */
function findTrusted(attached: ReadonlyMap<number, Attached>, event: IpcMainInvokeEvent): boolean {
  const entry = attached.get(event.sender.id)
  const frame = event.senderFrame
  if (!entry || !frame || entry.window.webContents.isDestroyed()) return false
  return isSameFrame(frame, entry.window.webContents.mainFrame) && isAppUrl(frame.url, entry.appUrl)
}

function isSameFrame(a: FrameLike, b: FrameLike): boolean {
  return a.processId === b.processId && a.routingId === b.routingId
}

function send(window: IpcWindow, name: string, payload: unknown): void {
  if (window.webContents.isDestroyed()) return
  window.webContents.send(EVENT_CHANNEL, name, payload)
}

function detach(attached: Map<number, Attached>, id: number): void {
  attached.get(id)?.unsubscribe()
  attached.delete(id)
}

function refuse(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
