import {
  describeInputIssues,
  AppError,
  events,
  fail,
  isMethodName,
  unknownMethodMessage,
  methods,
  ok,
  type EventName,
  type EventPayload,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
  type Transport,
} from '../../../shared/contract'
import { createManualConnection } from './connection'

export type MemoryHandler<M extends MethodName> = (
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>
export type MemoryHandlers = { [M in MethodName]?: MemoryHandler<M> }

export interface MemoryTransport extends Transport {
  /** Set by a test to play a lost and regained core (the HTTP transport's states). */
  readonly connection: ReturnType<typeof createManualConnection>
  /** Pushes an event to every listener, as the core's event bus would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** Every call made, in order, with its raw input. */
  readonly calls: { method: string; input: unknown }[]
}

export interface MemoryTransportOptions {
  /** Announce a method's `writes` in one db.changed event after success, like the core (default true). */
  emitWrites?: boolean
}

/**
 * The core's dispatch rules in-process, for renderer tests and demos: unknown method, input validated
 * with the contract, thrown AppError turned into an envelope, and output checked against the contract so
 * a fixture that drifts from the schema fails loudly.
 */
export function createMemoryTransport(
  handlers: MemoryHandlers,
  options: MemoryTransportOptions = {},
): MemoryTransport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const calls: { method: string; input: unknown }[] = []

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload)
    for (const listener of [...(listeners.get(event) ?? [])]) listener(checked)
  }

  async function rpc(method: string, input: unknown): Promise<Result<unknown>> {
    calls.push({ method, input })
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', unknownMethodMessage(method))
    const handler = handlers[method] as ((input: unknown) => unknown) | undefined
    if (!handler) return fail('UNKNOWN_METHOD', `The memory transport has no handler for ${method}`)
    const spec = methods[method]
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) return fail('INVALID_INPUT', describeInputIssues(parsed.error), parsed.error.issues)
    let value: unknown
    try {
      value = await handler(parsed.data)
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toInfo() }
      return fail('INTERNAL', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`)
    }
    const output = spec.output.safeParse(value)
    if (!output.success) {
      return fail(
        'INTERNAL',
        `Handler for ${method} returned output outside the contract`,
        output.error.issues,
      )
    }
    const writes = 'writes' in spec ? spec.writes : undefined
    if (options.emitWrites !== false && writes && writes.length > 0)
      emit('db.changed', { tables: [...writes] })
    return ok(output.data)
  }

  return {
    connection: createManualConnection(),
    calls,
    emit,
    rpc,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  }
}
