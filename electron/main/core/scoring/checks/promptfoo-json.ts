import Ajv, { type ValidateFunction } from 'ajv'
import { parse as parseYaml } from 'yaml'
import {
  binary,
  errored,
  scored,
  unsupported,
  type AssertionInput,
  type PromptfooAssertionResult,
} from './promptfoo-schema'
import { scanJsonObjects } from './promptfoo-values'

/**
 * `is-json` and `contains-json` as promptfoo 0.121.20 src/assertions/json.ts decides them.
 * A truthy value is a JSON Schema: an object, or a YAML/JSON string holding one; any other truthy value
 * (true, a number) is an error, and a falsy one (false, 0, '') means no schema, as in promptfoo.
 */
type SchemaOutcome = { validate: ValidateFunction } | { result: PromptfooAssertionResult } | undefined

function hasSchema(value: unknown): boolean {
  return Boolean(value)
}

/** promptfoo validates `format` with ajv-formats; Eval Lab has no format plugin, so it refuses. */
function usesFormat(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(usesFormat)
  if (typeof schema !== 'object' || schema === null) return false
  return Object.entries(schema).some(([key, inner]) => key === 'format' || usesFormat(inner))
}

function loadSchema(input: AssertionInput): SchemaOutcome {
  const { value, type } = input
  if (!hasSchema(value)) return undefined
  if (typeof value === 'string' && value.startsWith('file://')) {
    return { result: unsupported(type, 'a JSON schema read from a file:// reference is not supported') }
  }
  if (typeof value !== 'string' && typeof value !== 'object') {
    const base = type.replace(/^not-/, '')
    return { result: errored(type, `${base} assertion must have a string or object value`) }
  }
  try {
    const schema: unknown = typeof value === 'string' ? parseYaml(value) : value
    // Ajv's own wording for a YAML string that holds no schema ("just words"), as promptfoo reports it.
    if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null)) {
      throw new Error('schema must be object or boolean')
    }
    if (usesFormat(schema)) {
      return { result: unsupported(type, 'JSON schema "format" keywords are not supported') }
    }
    // promptfoo's getAjv (src/util/json.ts): Ajv defaults, strictSchema on, first error only.
    return { validate: new Ajv({ strictSchema: true }).compile(schema) }
  } catch (error) {
    // promptfoo 0.121.20 lets Ajv's compile error propagate (src/assertions/json.ts): the test errors.
    const message = error instanceof Error ? error.message : String(error)
    return { result: errored(type, `Invalid JSON schema: ${message}`) }
  }
}

function errorsText(validate: ValidateFunction): string {
  return new Ajv().errorsText(validate.errors)
}

export function checkIsJson(input: AssertionInput): PromptfooAssertionResult {
  const { output, inverse, type } = input
  let parsed: unknown
  let isJson = true
  try {
    parsed = JSON.parse(output)
  } catch {
    isJson = false
  }
  const schema = isJson ? loadSchema(input) : undefined
  if (schema && 'result' in schema) return schema.result
  if (schema) {
    const valid = schema.validate(parsed)
    const pass = inverse ? !valid : valid
    if (pass) return binary(type, true, '')
    return scored(
      type,
      false,
      0,
      inverse
        ? 'Output is JSON that conforms to the provided schema'
        : `JSON does not conform to the provided schema. Errors: ${errorsText(schema.validate)}`,
    )
  }
  return binary(type, isJson !== inverse, 'Expected output to be valid JSON')
}

export function checkContainsJson(input: AssertionInput): PromptfooAssertionResult {
  const { output, inverse, type } = input
  const { objects, undecidable } = scanJsonObjects(output)
  if (undecidable) {
    return unsupported(
      type,
      'the output holds a brace block promptfoo reads as YAML (js-yaml); not reproducible',
    )
  }
  let pass = inverse ? objects.length === 0 : objects.length > 0
  let failReason = 'Expected output to contain valid JSON'
  const schema = objects.length > 0 ? loadSchema(input) : undefined
  if (schema && 'result' in schema) return schema.result
  if (schema) {
    for (const candidate of objects) {
      const valid = schema.validate(candidate)
      pass = inverse ? !valid : valid
      if (valid) {
        if (inverse) failReason = 'Output contains JSON conforming to the provided schema'
        break
      }
      failReason = `JSON does not conform to the provided schema. Errors: ${errorsText(schema.validate)}`
    }
  }
  return binary(type, pass, failReason)
}
