import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
// Only the name lists and types: the contract's zod schemas must stay out of this sandboxed bundle.
import { isEventName, isMethodName, unknownMethodMessage } from '../../shared/contract/names'
import type { ErrorCode, Result } from '../../shared/contract/result'
import type { Transport } from '../../shared/contract/transport'

/** Kept in step with electron/main/ipc.ts (a test checks both agree). */
export const RPC_CHANNEL = 'evallab:rpc'
export const EVENT_CHANNEL = 'evallab:event'
export const FOLDER_CHANNEL = 'evallab:choose-folder'

/** `window.evalLabShell`: desktop-only abilities beside the contract; today the native folder dialog. */
export interface EvalLabShell {
  chooseFolder(title: string): Promise<string | null>
}

export function createShellApi(ipc: Pick<RendererIpc, 'invoke'>): EvalLabShell {
  return {
    chooseFolder: async (title: string) => {
      const path: unknown = await ipc.invoke(FOLDER_CHANNEL, String(title))
      return typeof path === 'string' ? path : null
    },
  }
}

/** The three ipcRenderer calls the bridge needs; the object itself never reaches the page. */
export type RendererIpc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>

/**
 * `window.evalLab`: exactly { rpc, on }. Both check names against the contract before anything
 * crosses to main, and neither hands the page an IPC event (its `sender` is ipcRenderer itself).
 */
export function createEvalLabApi(ipc: RendererIpc): Transport {
  return {
    rpc: (method: unknown, input: unknown) => rpc(ipc, method, input),
    on: (event: unknown, listener: unknown) => on(ipc, event, listener),
  }
}

async function rpc(ipc: RendererIpc, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return refuse('UNKNOWN_METHOD', unknownMethodMessage(method))
  try {
    // Main always answers with an envelope (electron/main/ipc.ts never throws).
    return (await ipc.invoke(RPC_CHANNEL, method, input)) as Result<unknown>
  } catch (error) {
    // invoke rejects when the input cannot be cloned or main has gone away: still an envelope.
    const message = error instanceof Error ? error.message : String(error)
    return refuse('INTERNAL', `IPC call failed: ${message}`)
  }
}

function on(ipc: RendererIpc, event: unknown, listener: unknown): () => void {
  // A programming error in the renderer: fail loudly instead of listening to nothing.
  if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`)
  if (typeof listener !== 'function') throw new TypeError('Event listener must be a function')
  const deliver = listener as (payload: unknown) => void
  const relay = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (name === event) deliver(payload)
  }
  ipc.on(EVENT_CHANNEL, relay)
  return () => {
    ipc.removeListener(EVENT_CHANNEL, relay)
  }
}

function refuse(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

contextBridge.exposeInMainWorld('evalLab', createEvalLabApi(ipcRenderer))
contextBridge.exposeInMainWorld('evalLabShell', createShellApi(ipcRenderer))
