import type { z } from 'zod'
import {
  toolDefinitionSchema,
  type ToolChoice,
  type ToolDefinition,
} from '../../../../shared/domain/conversation'

/** '' means "not set: the provider's default"; 'tool' forces the tool named in `toolChoiceName`. */
export const toolChoiceKinds = ['', 'auto', 'none', 'required', 'tool'] as const
export type ToolChoiceKind = (typeof toolChoiceKinds)[number]

// Strict: a key the definition does not have (an OpenAI `function` wrapper, Anthropic's `input_schema`)
// is reported, never dropped without a word.
const strictTool = toolDefinitionSchema.strict()

export interface ParsedTools {
  /** Undefined for an empty text (no tools); null while there are problems. */
  tools: ToolDefinition[] | undefined | null
  /** Each names the tool (position and name) and the field. */
  problems: string[]
}

/**
 * The tools text as the user types it in the editor: a JSON array of {name, description, parameters}, each
 * `parameters` an object JSON Schema, names unique. The core checks the schemas fully again on save.
 */
export function parseTools(text: string): ParsedTools {
  if (text.trim() === '') return { tools: undefined, problems: [] }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return fail(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!Array.isArray(value)) {
    return fail(
      'Tools must be a JSON array: [{ "name": …, "description": …, "parameters": { "type": "object", … } }]',
    )
  }
  const problems: string[] = []
  const tools: ToolDefinition[] = []
  value.forEach((item: unknown, index) => {
    const where = toolLabel(item, index)
    const parsed = strictTool.safeParse(item)
    if (!parsed.success) return problems.push(`${where}: ${describe(parsed.error)}`)
    const type = parsed.data.parameters['type']
    if (type !== 'object') {
      const seen = type === undefined ? 'has no "type"' : `has type ${JSON.stringify(type)}`
      return problems.push(
        `${where} field parameters ${seen}: it must be a JSON Schema with "type": "object"`,
      )
    }
    const earlier = tools.findIndex((t) => t.name === parsed.data.name)
    if (earlier >= 0) return problems.push(`${where} has the same name as tool ${earlier + 1}`)
    tools.push(parsed.data)
  })
  return problems.length > 0 ? { tools: null, problems } : { tools, problems: [] }
}

/** The tool choice, or a problem (a named tool that the tools do not define). */
export function readToolChoice(
  kind: ToolChoiceKind,
  name: string,
  tools: readonly ToolDefinition[] | undefined | null,
): { choice?: ToolChoice; problem?: string } {
  if (kind === '') return {}
  if (kind !== 'tool') return { choice: kind }
  const wanted = name.trim()
  if (!wanted) return { problem: 'Pick the tool the model must call' }
  if (tools && !tools.some((t) => t.name === wanted)) {
    return { problem: `No tool named "${wanted}" is defined` }
  }
  return { choice: { name: wanted } }
}

export function toolsToText(tools: readonly ToolDefinition[] | undefined): string {
  return tools === undefined ? '' : JSON.stringify(tools, null, 2)
}

function toolLabel(item: unknown, index: number): string {
  const name =
    item !== null && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string'
      ? ` ("${(item as { name: string }).name}")`
      : ''
  return `Tool ${index + 1}${name}`
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path === '' ? issue.message : `field ${path}: ${issue.message}`
    })
    .join('; ')
}

function fail(problem: string): ParsedTools {
  return { tools: null, problems: [problem] }
}
