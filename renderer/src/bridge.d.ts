import type { Transport } from '../../shared/contract/transport'

declare global {
  interface Window {
    /** Exposed by the Electron preload via contextBridge: exactly { rpc, on }. Absent in a plain browser. */
    readonly evalLab?: Transport
    /** Desktop-only abilities (the native folder dialog); absent in the browser host. */
    readonly evalLabShell?: { chooseFolder(title: string): Promise<string | null> }
  }
}

export {}
