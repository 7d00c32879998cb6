import type { ModelParams } from '../../../../shared/domain/prompts'
import { parseTools, readToolChoice, toolsToText, type ToolChoiceKind } from './tools-form'

/** '' means "not set: the provider's default". */
export const responseFormatTypes = ['', 'text', 'json_object', 'json_schema'] as const
export type ResponseFormatChoice = (typeof responseFormatTypes)[number]

/**
 * Model parameters as the user types them: text, so "0." or a half-written JSON schema can sit in the
 * form. `paramsFromForm` turns it into ModelParams, or says which field is wrong.
 */
export interface ParamsForm {
  temperature: string
  maxTokens: string
  topP: string
  seed: string
  format: ResponseFormatChoice
  schemaName: string
  schemaText: string
  /** The tools as a JSON array, edited in Monaco; '' is no tools. */
  toolsText: string
  toolChoice: ToolChoiceKind
  toolChoiceName: string
  maxToolSteps: string
}

export type ParamsField = keyof ParamsForm
export type ParamsErrors = Partial<Record<ParamsField, string>>

export const emptyParamsForm: ParamsForm = {
  temperature: '',
  maxTokens: '',
  topP: '',
  seed: '',
  format: '',
  schemaName: '',
  schemaText: '',
  toolsText: '',
  toolChoice: '',
  toolChoiceName: '',
  maxToolSteps: '',
}

export function paramsToForm(params: ModelParams): ParamsForm {
  const format = params.responseFormat
  return {
    temperature: numberText(params.temperature),
    maxTokens: numberText(params.maxTokens),
    topP: numberText(params.topP),
    seed: numberText(params.seed),
    format: format?.type ?? '',
    schemaName: format?.type === 'json_schema' ? format.name : '',
    schemaText: format?.type === 'json_schema' ? JSON.stringify(format.schema, null, 2) : '',
    toolsText: toolsToText(params.tools),
    toolChoice: typeof params.toolChoice === 'object' ? 'tool' : (params.toolChoice ?? ''),
    toolChoiceName: typeof params.toolChoice === 'object' ? params.toolChoice.name : '',
    maxToolSteps: numberText(params.maxToolSteps),
  }
}

export function paramsFromForm(form: ParamsForm): { params: ModelParams; errors: ParamsErrors } {
  const errors: ParamsErrors = {}
  const params: ModelParams = {}
  const temperature = readNumber(form.temperature, 'temperature', errors, { min: 0, max: 2 })
  if (temperature !== undefined) params.temperature = temperature
  const maxTokens = readNumber(form.maxTokens, 'maxTokens', errors, { min: 1, integer: true })
  if (maxTokens !== undefined) params.maxTokens = maxTokens
  const topP = readNumber(form.topP, 'topP', errors, { min: 0, max: 1 })
  if (topP !== undefined) params.topP = topP
  const seed = readNumber(form.seed, 'seed', errors, { integer: true })
  if (seed !== undefined) params.seed = seed
  if (form.format === 'text' || form.format === 'json_object') params.responseFormat = { type: form.format }
  if (form.format === 'json_schema') {
    const name = form.schemaName.trim()
    if (!name) errors.schemaName = 'Name the schema (providers require it)'
    const schema = readSchema(form.schemaText, errors)
    if (name && schema) params.responseFormat = { type: 'json_schema', name, schema }
  }
  readToolParams(form, params, errors)
  return { params, errors }
}

/** Tools, tool choice and step limit; each problem names the tool and field (one per line). */
function readToolParams(form: ParamsForm, params: ModelParams, errors: ParamsErrors): void {
  const { tools, problems } = parseTools(form.toolsText)
  if (problems.length > 0) errors.toolsText = problems.join('\n')
  if (tools) params.tools = tools
  const { choice, problem } = readToolChoice(form.toolChoice, form.toolChoiceName, tools)
  if (problem) errors.toolChoiceName = problem
  else if (choice !== undefined) {
    if (tools === undefined || tools?.length === 0) errors.toolChoice = 'Add a tool first, or leave it unset'
    else params.toolChoice = choice
  }
  const steps = readNumber(form.maxToolSteps, 'maxToolSteps', errors, { min: 1, max: 20, integer: true })
  if (steps !== undefined && steps > 1 && (tools === undefined || tools?.length === 0)) {
    errors.maxToolSteps = 'Add a tool first: without tools there is one call'
  } else if (steps !== undefined) params.maxToolSteps = steps
}

export function hasErrors(errors: ParamsErrors): boolean {
  return Object.keys(errors).length > 0
}

export function sameForm(a: ParamsForm, b: ParamsForm): boolean {
  return (Object.keys(a) as ParamsField[]).every((key) => a[key] === b[key])
}

interface NumberRule {
  min?: number
  max?: number
  integer?: boolean
}

function readNumber(
  text: string,
  field: ParamsField,
  errors: ParamsErrors,
  rule: NumberRule,
): number | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const value = Number(trimmed)
  if (!Number.isFinite(value)) errors[field] = 'Enter a number'
  else if (rule.integer && !Number.isInteger(value)) errors[field] = 'Enter a whole number'
  else if (rule.min !== undefined && value < rule.min) errors[field] = `At least ${rule.min}`
  else if (rule.max !== undefined && value > rule.max) errors[field] = `At most ${rule.max}`
  else return value
  return undefined
}

/** The schema must be a JSON object; the parser's own message says where it broke. */
function readSchema(text: string, errors: ParamsErrors): Record<string, unknown> | null {
  if (!text.trim()) {
    errors.schemaText = 'Paste the JSON schema the output must follow'
    return null
  }
  try {
    const value: unknown = JSON.parse(text)
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>
    }
    errors.schemaText = 'The schema must be a JSON object ({ ... })'
  } catch (error) {
    errors.schemaText = `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  return null
}

function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value)
}
