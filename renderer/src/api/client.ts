import type { z } from 'zod'
import {
  events,
  methods,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../../../shared/contract'
import { alwaysConnected, isReconnect, type ClientTransport, type ConnectionSource } from './connection'
import { ApiError, TransportError } from './errors'

export interface ApiClient {
  /** Resolves with the validated output or throws ApiError (the core said no) / TransportError (unreachable). */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  /** Listens to a core event; payloads that do not match the contract are dropped. Returns an unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** Whether the core can be reached (always, except over the browser host). */
  readonly connection: ConnectionSource
  /** Called each time the connection comes back: events were missed, so what is shown must be refetched. */
  onReconnected(listener: () => void): () => void
}

export function createClient(transport: ClientTransport): ApiClient {
  const connection = transport.connection ?? alwaysConnected
  return {
    connection,
    onReconnected: (listener) =>
      connection.subscribe((state, previous) => {
        if (isReconnect(state, previous)) listener()
      }),

    async call(method, input) {
      let result: Result<unknown>
      try {
        result = await transport.rpc(method, input)
      } catch (error) {
        if (error instanceof TransportError) throw error
        throw new TransportError(`Could not reach the Eval Lab core (${describe(error)})`, { cause: error })
      }
      if (!result.ok) throw new ApiError(method, result.error)
      const parsed = outputSchema(method).safeParse(result.value)
      if (!parsed.success) {
        throw new ApiError(method, {
          code: 'INTERNAL',
          message: `The core sent a reply to ${method} that does not match the contract`,
          details: parsed.error.issues,
        })
      }
      return parsed.data
    },

    on(event, listener) {
      return transport.on(event, (payload) => {
        const parsed = events[event].safeParse(payload)
        if (!parsed.success) {
          console.warn(`Dropped a malformed "${event}" event`, parsed.error.issues)
          return
        }
        listener(parsed.data)
      })
    },
  }
}

/** The output schema typed by method (indexing `methods` with a generic key loses the link). */
function outputSchema<M extends MethodName>(method: M): z.ZodType<MethodOutput<M>> {
  return methods[method].output as unknown as z.ZodType<MethodOutput<M>>
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
