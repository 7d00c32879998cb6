import Ajv from 'ajv'
import { z } from 'zod'
import {
  toolChoiceSchema,
  toolDefinitionSchema,
  toolNameSchema,
  type ToolChoice,
  type ToolDefinition,
} from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { ProviderError } from './types'

/**
 * Tools, tool choice and a JSON Schema response format are checked before any request goes out: a malformed
 * definition fails the call at once with an error naming the tool and the field, instead of a provider's 400
 * (or, worse, a provider that quietly ignores it). Both adapters call this; the runner and the editor may too.
 */
export interface ToolParams {
  /** The tools to send; empty when the version offers none. */
  tools: ToolDefinition[]
  /** Absent when unset, or when it says nothing with no tools ('auto' / 'none' without tools). */
  choice: ToolChoice | undefined
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Ajv's own words when the schema cannot be compiled (a bad keyword value, a $ref that resolves nowhere). */
export function jsonSchemaProblem(schema: Record<string, unknown>): string | undefined {
  try {
    // A fresh Ajv per schema: a shared one refuses a second schema reusing an `$id`. strict: false as in the
    // format scorer, so provider keywords (e.g. "strict", "title") do not count as errors.
    new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

function toolProblems(raw: unknown, i: number): string[] {
  const label =
    isRecord(raw) && typeof raw['name'] === 'string' ? `tools[${i}] "${raw['name']}"` : `tools[${i}]`
  const parsed = toolDefinitionSchema.safeParse(raw)
  if (!parsed.success) {
    return parsed.error.issues.map(
      (issue) => `${label}: ${issue.path.join('.') || 'definition'}: ${issue.message}`,
    )
  }
  const parameters = parsed.data.parameters
  if (parameters['type'] !== 'object') {
    return [`${label}: parameters must be a JSON Schema object ("type": "object"), as both APIs require`]
  }
  const problem = jsonSchemaProblem(parameters)
  return problem ? [`${label}: parameters is not a valid JSON Schema: ${problem}`] : []
}

function choiceProblems(choice: unknown, names: string[]): string[] {
  if (choice === undefined) return []
  const parsed = toolChoiceSchema.safeParse(choice)
  if (!parsed.success) return [`toolChoice: ${z.prettifyError(parsed.error)}`]
  const value = parsed.data
  if (value === 'required' && names.length === 0) return ['toolChoice "required" needs at least one tool']
  if (typeof value === 'object' && !names.includes(value.name)) {
    const offered =
      names.length > 0
        ? `one of the tools (${[...new Set(names)].join(', ')})`
        : 'a tool: the version has none'
    return [`toolChoice names "${value.name}", which is not ${offered}`]
  }
  return []
}

function formatProblems(format: ModelParams['responseFormat']): string[] {
  if (format?.type !== 'json_schema') return []
  const problems: string[] = []
  const name = toolNameSchema.safeParse(format.name)
  if (!name.success)
    problems.push(`responseFormat name "${format.name}": ${name.error.issues[0]?.message ?? ''}`)
  const schema = jsonSchemaProblem(format.schema)
  if (schema)
    problems.push(`responseFormat "${format.name}": the schema is not a valid JSON Schema: ${schema}`)
  return problems
}

/** Every problem with the tools, tool choice and JSON Schema response format, each naming where it is. */
export function toolParamProblems(params: ModelParams): string[] {
  const tools: unknown[] = params.tools ?? []
  const problems = tools.flatMap(toolProblems)
  const names = tools.map((t) => (isRecord(t) && typeof t['name'] === 'string' ? t['name'] : ''))
  names.forEach((name, i) => {
    if (name !== '' && names.indexOf(name) !== i)
      problems.push(`tools[${i}]: the name "${name}" is used twice`)
  })
  return [...problems, ...choiceProblems(params.toolChoice, names), ...formatProblems(params.responseFormat)]
}

/** Checked results are kept by content: a run sends the same tools with every case. */
const checked = new Map<string, string[]>()
const CHECKED_LIMIT = 64

function cachedProblems(params: ModelParams): string[] {
  const key = JSON.stringify([params.tools, params.toolChoice, params.responseFormat])
  let problems = checked.get(key)
  if (!problems) {
    problems = toolParamProblems(params)
    if (checked.size >= CHECKED_LIMIT) checked.delete(checked.keys().next().value ?? '')
    checked.set(key, problems)
  }
  return problems
}

/** The tools and tool choice to send, or a 'client' ProviderError listing every problem (nothing is sent). */
export function checkedToolParams(params: ModelParams): ToolParams {
  const problems = cachedProblems(params)
  if (problems.length > 0) {
    throw new ProviderError('client', `The request was not sent: ${problems.join('; ')}`)
  }
  const tools = params.tools ?? []
  const choice = params.toolChoice
  const silent = tools.length === 0 && (choice === 'auto' || choice === 'none')
  return { tools, choice: silent ? undefined : choice }
}
