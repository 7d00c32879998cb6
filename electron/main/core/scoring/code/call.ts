import { z } from 'zod'
import {
  shouldInterruptAfterDeadline,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten'
import { classifyError, engineError, notAFunction, type Phase, type SandboxError } from './errors'
import { graceMs, type SandboxLimits } from './limits'
import { preludeSource } from './prelude'
import { normalizeResult, type CodeScoreOutcome } from './result'

/** The prelude's answer from `run`/`collect` (see prelude.ts). */
const replySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), type: z.string(), value: z.unknown().optional() }),
  z.object({ status: z.literal('threw'), error: z.object({ name: z.string(), message: z.string() }) }),
  z.object({ status: z.literal('unreadable'), error: z.object({ name: z.string(), message: z.string() }) }),
  z.object({ status: z.literal('not_a_function'), type: z.string() }),
  z.object({ status: z.literal('pending') }),
])
type Reply = z.output<typeof replySchema>

const sandboxErrorSchema = z.object({
  name: z.string().catch(''),
  message: z.string().catch('an error without a message'),
  lineNumber: z.number().optional().catch(undefined),
})

/** One call in its own runtime: nothing a scorer leaves behind can reach the next call. */
class Call {
  private readonly handles: QuickJSHandle[] = []

  constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly limits: SandboxLimits,
  ) {}

  private keep(handle: QuickJSHandle): QuickJSHandle {
    this.handles.push(handle)
    return handle
  }

  disposeHandles(): void {
    for (const handle of this.handles) if (handle.alive) handle.dispose()
  }

  /** Reads an error after the deadline: a fresh short deadline and headroom, since the value may be hostile. */
  private readError(handle: QuickJSHandle, phase: Phase): CodeScoreOutcome {
    this.keep(handle)
    this.runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + graceMs))
    this.runtime.setMemoryLimit(this.limits.memoryBytes * 2)
    let error: SandboxError
    try {
      error = sandboxErrorSchema.parse(this.context.dump(handle))
    } catch {
      error = { name: '', message: 'an error that cannot be read' }
    }
    return classifyError(error, phase, this.limits)
  }

  private callString(fn: QuickJSHandle, api: QuickJSHandle, args: QuickJSHandle[]): Reply | CodeScoreOutcome {
    const called = this.context.callFunction(fn, api, ...args)
    if (called.error) return this.readError(called.error, 'call')
    return replySchema.parse(JSON.parse(this.context.getString(this.keep(called.value))))
  }

  evaluate(source: string, json: string): CodeScoreOutcome {
    const prelude = this.context.evalCode(preludeSource, 'prelude.js', { type: 'global' })
    if (prelude.error) return this.readError(prelude.error, 'call')
    const api = this.keep(prelude.value)
    const scorer = this.context.evalCode(source, 'scorer.js', { type: 'global' })
    if (scorer.error) return this.readError(scorer.error, 'load')
    const args = [this.keep(scorer.value), this.keep(this.context.newString(json))]
    let reply = this.callString(this.keep(this.context.getProp(api, 'run')), api, args)
    if ('status' in reply && reply.status === 'pending') {
      const jobs = this.runtime.executePendingJobs()
      if (jobs.error) return this.readError(jobs.error, 'call')
      reply = this.callString(this.keep(this.context.getProp(api, 'collect')), api, [])
    }
    return 'status' in reply ? this.interpret(reply) : reply
  }

  private interpret(reply: Reply): CodeScoreOutcome {
    switch (reply.status) {
      case 'ok':
        return normalizeResult({ type: reply.type, value: reply.value })
      case 'threw':
        return classifyError(reply.error, 'call', this.limits)
      case 'unreadable':
        return {
          ok: false,
          kind: 'bad_result',
          message: `The scorer's result cannot be read: ${reply.error.message}`,
        }
      case 'not_a_function':
        return notAFunction(reply.type)
      case 'pending':
        return { ok: false, kind: 'bad_result', message: 'The scorer returned a promise that never settled' }
    }
  }
}

export interface CallResult {
  outcome: CodeScoreOutcome
  /** The engine aborted while freeing the runtime: the caller must load a fresh module. */
  engineBroken: boolean
}

/** Runs `source` on one input (already JSON) in a fresh runtime with the per-call limits. */
export function runInFreshRuntime(
  module: QuickJSWASMModule,
  source: string,
  json: string,
  limits: SandboxLimits,
): CallResult {
  const runtime = module.newRuntime()
  runtime.setMemoryLimit(limits.memoryBytes)
  runtime.setMaxStackSize(limits.stackBytes)
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + limits.timeMs))
  const context = runtime.newContext()
  const call = new Call(runtime, context, limits)
  let outcome: CodeScoreOutcome
  try {
    outcome = call.evaluate(source, json)
  } catch (error) {
    outcome = engineError(error)
  } finally {
    call.disposeHandles()
  }
  try {
    context.dispose()
    runtime.dispose()
    return { outcome, engineBroken: false }
  } catch {
    return { outcome, engineBroken: true }
  }
}
