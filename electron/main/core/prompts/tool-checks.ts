import Ajv from 'ajv'
import { AppError } from '../../../../shared/contract'
import type { ModelParams } from '../../../../shared/domain/prompts'

/**
 * What a version's tools must satisfy before it is stored: names unique, a named tool choice naming one of
 * them, and each `parameters` a JSON Schema object (both APIs take only object schemas). Refusals name the
 * tool (its position and name) and the field, so an import or a save says exactly what to fix.
 */
export function checkTools(params: ModelParams): void {
  const tools = params.tools ?? []
  const seen = new Map<string, number>()
  tools.forEach((tool, index) => {
    const where = `Tool ${index + 1} ("${tool.name}")`
    const earlier = seen.get(tool.name)
    if (earlier !== undefined) {
      throw refuse(`${where} has the same name as tool ${earlier + 1}: tool names must be unique`, {
        field: `params.tools.${index}.name`,
      })
    }
    seen.set(tool.name, index)
    const problem = parametersProblem(tool.parameters)
    if (problem)
      throw refuse(`${where} field parameters ${problem}`, { field: `params.tools.${index}.parameters` })
  })
  checkChoice(params, seen)
  if (params.maxToolSteps !== undefined && params.maxToolSteps > 1 && tools.length === 0) {
    throw refuse(
      `The step limit is ${params.maxToolSteps} but the version offers no tools: add a tool or remove the step limit`,
      { field: 'params.maxToolSteps' },
    )
  }
}

function checkChoice(params: ModelParams, names: ReadonlyMap<string, number>): void {
  const choice = params.toolChoice
  if (choice === undefined) return
  const shown = typeof choice === 'string' ? `"${choice}"` : `the tool "${choice.name}"`
  if (names.size === 0) {
    throw refuse(
      `Tool choice is ${shown} but the version offers no tools: add a tool or remove the tool choice`,
      {
        field: 'params.toolChoice',
      },
    )
  }
  if (typeof choice === 'object' && !names.has(choice.name)) {
    const defined = [...names.keys()].map((n) => `"${n}"`).join(', ')
    throw refuse(`Tool choice names the tool "${choice.name}", which is not defined (tools: ${defined})`, {
      field: 'params.toolChoice',
    })
  }
}

/** Null when `parameters` is an object JSON Schema Ajv accepts; else what is wrong, in Ajv's words. */
export function parametersProblem(parameters: Record<string, unknown>): string | null {
  if (parameters['type'] !== 'object') {
    const seen =
      parameters['type'] === undefined ? 'has no "type"' : `has type ${JSON.stringify(parameters['type'])}`
    return `${seen}: it must be a JSON Schema with "type": "object"`
  }
  try {
    // strict: false accepts keywords providers add (e.g. "additionalProperties" on nested objects, "title").
    new Ajv({ strict: false, allowUnionTypes: true }).compile(parameters)
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return `is not a valid JSON Schema: ${message}`
  }
}

function refuse(message: string, details: Record<string, unknown>): AppError {
  return new AppError('INVALID_INPUT', message, details)
}
