import type { ClientTransport } from './connection'
import { createElectronTransport } from './electron-transport'
import { createHttpTransport } from './http-transport'
import { readHostToken } from './token'

/** Electron when the preload exposed its bridge; otherwise the page was served by the Node host. */
export function pickTransport(win: Window = window): ClientTransport {
  if (win.evalLab) return createElectronTransport(win.evalLab)
  return createHttpTransport({ token: readHostToken(win) })
}
