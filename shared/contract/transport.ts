import type { EventName, MethodName } from './names'
import type { Result } from './result'

/**
 * The whole surface between renderer and core. The preload exposes exactly this object as
 * `window.evalLab`; the HTTP and memory transports implement the same shape.
 */
export interface Transport {
  rpc(method: MethodName, input: unknown): Promise<Result<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
}
