import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io'

type Options = NonNullable<ParseArgsConfig['options']>

export interface ParsedArgs<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values']
  positionals: string[]
}

/** node:util parseArgs in strict mode; its errors (they name the flag) become usage errors (exit 3). */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O): ParsedArgs<O> {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    return { values: parsed.values, positionals: parsed.positionals }
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/** A positive whole number flag, e.g. --version 3; undefined when not given. */
export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${flag} must be a positive whole number, got "${value}"`)
  return n
}

export function nonNegativeInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be 0 or more, got "${value}"`)
  return n
}

/** "openai/gpt-4.1-mini" → { provider, model }; the model part may itself contain slashes. */
export function modelRef(value: string): { provider: string; model: string } {
  const slash = value.indexOf('/')
  if (slash <= 0 || slash === value.length - 1) {
    throw new UsageError(`--model must be provider/model (e.g. openai/gpt-4.1-mini), got "${value}"`)
  }
  return { provider: value.slice(0, slash), model: value.slice(slash + 1) }
}

export function environment(value: string | undefined): 'staging' | 'prod' | undefined {
  if (value === undefined || value === 'staging' || value === 'prod') return value
  throw new UsageError(`--env must be staging or prod, got "${value}"`)
}

/** Exactly one positional argument (a folder), or none when `optional`. */
export function singlePositional(
  command: string,
  positionals: string[],
  optional = false,
): string | undefined {
  if (positionals.length > 1)
    throw new UsageError(`${command} takes one folder, got: ${positionals.join(' ')}`)
  const first = positionals[0]
  if (first === undefined && !optional) throw new UsageError(`${command} needs a prompt folder`)
  return first
}
