import type { Transport } from '../../shared/contract/transport'

declare global {
  interface Window {
    /** Exposed by the Electron preload via contextBridge: exactly { rpc, on }. Absent in a plain browser. */
    readonly evalLab?: Transport
  }
}

export {}
