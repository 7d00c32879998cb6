import Ajv, { type ValidateFunction } from 'ajv'
import { parse as parseYaml } from 'yaml'
import {
  binary,
  scored,
  unsupported,
  type AssertionInput,
  type PromptfooAssertionResult,
} from './promptfoo-schema'
import { extractJsonObjects, mayBeYamlOnlyObject } from './promptfoo-values'

/**
 * `is-json` and `contains-json` as promptfoo/promptfoo src/assertions/json.ts decides them.
 * A value is an optional JSON Schema: an object, a boolean, or a YAML/JSON string.
 */
type SchemaOutcome = { validate: ValidateFunction } | { result: PromptfooAssertionResult } | undefined

function hasSchema(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
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
  try {
    const schema: unknown = typeof value === 'string' ? parseYaml(value) : value
    if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null)) {
      throw new Error(`${input.assertion.type} assertion must have a string, boolean, or object value`)
    }
    if (usesFormat(schema)) {
      return { result: unsupported(type, 'JSON schema "format" keywords are not supported') }
    }
    // promptfoo's getAjv (src/util/json.ts): Ajv defaults, strictSchema on, first error only.
    return { validate: new Ajv({ strictSchema: true }).compile(schema) }
  } catch (error) {
    // promptfoo scores an unusable schema as a failed assertion, not an error: src/assertions/json.ts.
    const message = error instanceof Error ? error.message : String(error)
    return { result: scored(type, false, 0, `Invalid JSON schema: ${message}`) }
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
  const objects = extractJsonObjects(output)
  if (objects.length === 0 && mayBeYamlOnlyObject(output)) {
    return unsupported(type, 'the output holds a brace block promptfoo may read as YAML; not reproducible')
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
