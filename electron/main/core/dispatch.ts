import {
  describeInputIssues,
  fail,
  isMethodName,
  unknownMethodMessage,
  methods,
  ok,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../../../shared/contract'
import type { EventBus } from './events'
import { expectedFailure, type FailureContext } from './failures'
import { nestsDeeperThan } from './imports/depth'
import { DEFAULT_LIMITS } from './imports/limits'

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>
export type Handlers = { [M in MethodName]: Handler<M> }
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>

/**
 * The only way into the core: validate the method and input, run the handler, wrap the outcome. `where`
 * names the workspace file in a failure that happened writing it (a full disk).
 */
export function createDispatch(handlers: Handlers, bus: EventBus, where: FailureContext = {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', unknownMethodMessage(method))
    const spec = methods[method]
    if (nestsDeeperThan(input, DEFAULT_LIMITS.maxDepth)) return tooDeep(method)
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) return fail('INVALID_INPUT', describeInputIssues(parsed.error), parsed.error.issues)
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      const value: unknown = await handler(parsed.data)
      const writes = 'writes' in spec ? spec.writes : undefined
      if (writes && writes.length > 0) bus.emit('db.changed', { tables: [...writes] })
      return ok(value)
    } catch (error) {
      return toFailure(error, where)
    }
  }
}

function tooDeep(method: string): Result<never> {
  const limit = DEFAULT_LIMITS.maxDepth
  return fail('LIMIT_EXCEEDED', `The input for ${method} nests deeper than the limit of ${limit} levels`)
}

function toFailure(error: unknown, where: FailureContext): Result<never> {
  const expected = expectedFailure(error, where)
  if (expected) return { ok: false, error: expected.toInfo() }
  const message = error instanceof Error ? error.message : String(error)
  return fail('INTERNAL', `Unexpected error: ${message}`)
}
