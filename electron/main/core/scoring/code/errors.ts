import { z } from 'zod'
import type { SandboxLimits } from './limits'
import type { CodeScoreOutcome } from './result'

/** An error as read out of the sandbox (name, message and, for syntax errors, the line). */
export interface SandboxError {
  name: string
  message: string
  lineNumber?: number
}

export type Phase = 'load' | 'call'

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/**
 * Turns an error from the sandbox into the message the user sees on that result. QuickJS reports its own
 * limits as InternalError "interrupted" (the time handler), "out of memory" and "stack overflow".
 */
export function classifyError(error: SandboxError, phase: Phase, limits: SandboxLimits): CodeScoreOutcome {
  const { name, message } = error
  if (name === 'InternalError' && message === 'interrupted')
    return {
      ok: false,
      kind: 'timeout',
      message: `The scorer ran past its ${limits.timeMs} ms time limit and was stopped`,
    }
  if (message === 'out of memory')
    return {
      ok: false,
      kind: 'memory',
      message: `The scorer went over its ${megabytes(limits.memoryBytes)} memory limit and was stopped`,
    }
  if (name === 'InternalError' && message === 'stack overflow')
    return {
      ok: false,
      kind: 'stack',
      message: 'The scorer recursed too deeply (stack overflow) and was stopped',
    }
  if (phase === 'load' && name === 'SyntaxError') {
    const line = error.lineNumber === undefined ? '' : ` (line ${error.lineNumber})`
    return { ok: false, kind: 'syntax', message: `The scorer has a syntax error${line}: ${message}` }
  }
  const where = phase === 'load' ? 'while loading' : 'while scoring'
  return {
    ok: false,
    kind: 'threw',
    message: `The scorer threw ${where}: ${name ? `${name}: ` : ''}${message}`,
  }
}

export const notAFunction = (type: string): CodeScoreOutcome => ({
  ok: false,
  kind: 'not_a_function',
  message: `The scorer code evaluated to ${type}: it must evaluate to a function, or define function score(output, context)`,
})

export const engineError = (error: unknown): CodeScoreOutcome => ({
  ok: false,
  kind: 'engine',
  message: `The sandbox failed: ${error instanceof Error ? error.message : String(error)}`,
})

/** The host handed over an input outside the contract (a bug on our side, named by field). */
export const badInput = (error: unknown): CodeScoreOutcome => ({
  ok: false,
  kind: 'bad_input',
  message: `The scorer's input is not valid: ${error instanceof z.ZodError ? z.prettifyError(error) : String(error)}`,
})
