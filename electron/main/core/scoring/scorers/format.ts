import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import type { z } from 'zod'
import type { formatCheckSchema } from '../../../../../shared/domain/scoring'
import { parseJson } from '../output'
import { failed, failedCall, passed, unscored, type DeterministicScorer } from './types'

export type FormatCheck = z.output<typeof formatCheckSchema>

/** Schema errors listed in a reason; the rest are counted, so one bad output cannot flood the screen. */
const maxListedErrors = 5

/**
 * Compiles a JSON Schema once per scorer; throws with Ajv's own message when the schema itself is invalid.
 * A fresh Ajv each time: a shared one would refuse a second schema that reuses an `$id`.
 */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  // strict: false accepts schemas written for providers' structured outputs (extra keywords like "name").
  return new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema)
}

/** "/priority must be equal to one of the allowed values"; root errors have no path. */
export function describeSchemaError(e: ErrorObject): string {
  const message = e.message ?? `fails ${e.keyword}`
  const extra =
    e.keyword === 'additionalProperties' && typeof e.params['additionalProperty'] === 'string'
      ? ` ("${e.params['additionalProperty']}")`
      : e.keyword === 'enum' && Array.isArray(e.params['allowedValues'])
        ? ` (${e.params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')})`
        : ''
  return e.instancePath === '' ? `${message}${extra}` : `${e.instancePath} ${message}${extra}`
}

type Compiled = { ok: true; validate: ValidateFunction } | { ok: false; error: string }
const compiledBySchema = new WeakMap<object, Compiled>()

/**
 * A schema stored on a prompt version (its tools, its response format), compiled once per schema object:
 * scoring reads each version's params once per pass, so every result of a version shares one validator.
 */
export function cachedValidator(schema: Record<string, unknown>): Compiled {
  let compiled = compiledBySchema.get(schema)
  if (!compiled) {
    try {
      compiled = { ok: true, validate: compileSchema(schema) }
    } catch (error) {
      compiled = { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
    compiledBySchema.set(schema, compiled)
  }
  return compiled
}

/** Why `value` does not match, listing the first few errors; null when it matches. */
export function schemaMismatch(
  validate: ValidateFunction,
  value: unknown,
): { listed: string; errors: string[] } | null {
  if (validate(value)) return null
  const errors = (validate.errors ?? []).map(describeSchemaError)
  const listed = errors.slice(0, maxListedErrors).join('; ')
  const more = errors.length > maxListedErrors ? ` (+${errors.length - maxListedErrors} more)` : ''
  return { listed: `${listed}${more}`, errors }
}

function jsonCheck(): DeterministicScorer {
  return ({ output, failure }) => {
    if (output === null) return failedCall(failure ?? 'no output')
    const parsed = parseJson(output)
    return parsed.ok
      ? passed('The output is valid JSON')
      : failed(`The output is not valid JSON: ${parsed.error}`)
  }
}

function schemaCheck(schema: Record<string, unknown>): DeterministicScorer {
  let validate: ValidateFunction
  try {
    validate = compileSchema(schema)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return () => unscored(`The JSON Schema of this check is invalid: ${message}`)
  }
  return ({ output, failure }) => {
    if (output === null) return failedCall(failure ?? 'no output')
    const parsed = parseJson(output)
    if (!parsed.ok) return failed(`The output is not valid JSON: ${parsed.error}`)
    const mismatch = schemaMismatch(validate, parsed.value)
    if (!mismatch) return passed('The output matches the JSON Schema')
    return failed(`The output does not match the JSON Schema: ${mismatch.listed}`, {
      errors: mismatch.errors,
    })
  }
}

/** The schema the result's own version requested (`responseFormat` json_schema), so the two never drift. */
function versionSchemaCheck(): DeterministicScorer {
  return ({ output, failure, version }) => {
    if (output === null) return failedCall(failure ?? 'no output')
    const format = version?.responseFormat
    if (format?.type !== 'json_schema')
      return unscored('The prompt version requests no JSON Schema response format')
    const compiled = cachedValidator(format.schema)
    if (!compiled.ok)
      return unscored(`The version's JSON Schema "${format.name}" is invalid: ${compiled.error}`)
    const parsed = parseJson(output)
    if (!parsed.ok) return failed(`The output is not valid JSON: ${parsed.error}`)
    const mismatch = schemaMismatch(compiled.validate, parsed.value)
    if (!mismatch) return passed(`The output matches the version's "${format.name}" JSON Schema`)
    return failed(
      `The output does not match the version's "${format.name}" JSON Schema: ${mismatch.listed}`,
      {
        errors: mismatch.errors,
      },
    )
  }
}

function regexCheck(pattern: string, flags: string): DeterministicScorer {
  // Stateful flags would make the same output pass and fail on alternate calls.
  const regex = new RegExp(pattern, flags.replace(/[gy]/g, ''))
  return ({ output, failure }) => {
    if (output === null) return failedCall(failure ?? 'no output')
    return regex.test(output)
      ? passed(`The output matches /${pattern}/${flags}`)
      : failed(`The output does not match /${pattern}/${flags}`)
  }
}

/** Characters are code points (an emoji is one); words are runs of non-space characters. */
export function measure(text: string, unit: 'chars' | 'words'): number {
  if (unit === 'chars') return [...text].length
  const trimmed = text.trim()
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length
}

function lengthCheck(unit: 'chars' | 'words', min: number | null, max: number | null): DeterministicScorer {
  return ({ output, failure }) => {
    if (output === null) return failedCall(failure ?? 'no output')
    const size = measure(output, unit)
    if (min !== null && size < min) return failed(`${size} ${unit}, fewer than the minimum ${min}`)
    if (max !== null && size > max) return failed(`${size} ${unit}, more than the maximum ${max}`)
    const bounds = [min !== null ? `at least ${min}` : '', max !== null ? `at most ${max}` : '']
    return passed(`${size} ${unit} (${bounds.filter(Boolean).join(', ') || 'no limit'})`)
  }
}

/** A deterministic format check, compiled once (schema, regex) and then applied to every output. */
export function formatScorer(check: FormatCheck): DeterministicScorer {
  switch (check.check) {
    case 'json':
      return jsonCheck()
    case 'json_schema':
      return schemaCheck(check.schema)
    case 'version_schema':
      return versionSchemaCheck()
    case 'regex':
      return regexCheck(check.pattern, check.flags)
    case 'length':
      return lengthCheck(check.unit, check.min, check.max)
  }
}
