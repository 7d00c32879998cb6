import type { Transport } from '../../../shared/contract'
import { TransportError } from './errors'

/** The preload's bridge (`window.evalLab`), wrapped so a rejected IPC call becomes a TransportError. */
export function createElectronTransport(bridge: Transport): Transport {
  return {
    async rpc(method, input) {
      try {
        return await bridge.rpc(method, input)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new TransportError(`The Eval Lab core did not answer ${method} (${reason})`, { cause: error })
      }
    },
    on: (event, listener) => bridge.on(event, listener),
  }
}
