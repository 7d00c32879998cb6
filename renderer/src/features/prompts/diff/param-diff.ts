import type { ModelParams, PromptVersion } from '../../../../../shared/domain/prompts'
import { canonicalJson } from '../../../../../shared/lib/canonical-json'

export interface ParamRow {
  field: string
  label: string
  before: string
  after: string
  changed: boolean
}

/** Shown for a parameter a version leaves to the provider's default. */
export const unsetValue = '—'

type Side = Pick<PromptVersion, 'model' | 'params'>

const fields: { field: string; label: string; read: (v: Side) => string | undefined }[] = [
  { field: 'provider', label: 'Provider', read: (v) => v.model.provider },
  { field: 'model', label: 'Model', read: (v) => v.model.model },
  { field: 'temperature', label: 'Temperature', read: (v) => num(v.params.temperature) },
  { field: 'maxTokens', label: 'Max tokens', read: (v) => num(v.params.maxTokens) },
  { field: 'topP', label: 'Top P', read: (v) => num(v.params.topP) },
  { field: 'seed', label: 'Seed', read: (v) => num(v.params.seed) },
  { field: 'responseFormat', label: 'Response format', read: (v) => v.params.responseFormat?.type },
  { field: 'schemaName', label: 'JSON schema name', read: (v) => schema(v.params)?.name },
  {
    field: 'schema',
    label: 'JSON schema',
    read: (v) => {
      const s = schema(v.params)
      return s ? canonicalJson(s.schema) : undefined
    },
  },
  { field: 'tools', label: 'Tools', read: (v) => v.params.tools?.map((t) => t.name).join(', ') },
  { field: 'toolChoice', label: 'Tool choice', read: (v) => toolChoiceText(v.params) },
  { field: 'maxToolSteps', label: 'Step limit', read: (v) => num(v.params.maxToolSteps) },
]

/**
 * The model and parameters of two versions, field by field, every field listed (unset shows "—") so
 * the table has the same rows whatever changed. JSON schemas compare by content, not key order.
 */
export function paramDiff(before: Side, after: Side): ParamRow[] {
  return fields.map(({ field, label, read }) => {
    const a = read(before) ?? unsetValue
    const b = read(after) ?? unsetValue
    return { field, label, before: a, after: b, changed: a !== b }
  })
}

function num(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value)
}

function schema(params: ModelParams) {
  return params.responseFormat?.type === 'json_schema' ? params.responseFormat : null
}

function toolChoiceText(params: ModelParams): string | undefined {
  const choice = params.toolChoice
  return typeof choice === 'object' ? `tool ${choice.name}` : choice
}
