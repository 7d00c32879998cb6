import type { ParamsForm } from '../../../stores/prompts/params-form'
import type { ToolChoiceKind } from '../../../stores/prompts/tools-form'

interface Props {
  form: ParamsForm
  /** The names of the tools defined now. */
  names: readonly string[]
  readOnly: boolean
  onChange: (form: ParamsForm) => void
}

const labels: Record<Exclude<ToolChoiceKind, 'tool'>, string> = {
  '': 'Provider default',
  auto: 'Auto: the model decides',
  none: 'None: no tool calls',
  required: 'Required: some tool',
}

/** auto / none / required, or one named tool; a name no tool has any more stays listed as not defined. */
export function ToolChoiceSelect({ form, names, readOnly, onChange }: Props) {
  const value = form.toolChoice === 'tool' ? `tool:${form.toolChoiceName}` : form.toolChoice
  const stale = form.toolChoice === 'tool' && !names.includes(form.toolChoiceName)
  return (
    <select
      data-testid="tool-choice"
      value={value}
      disabled={readOnly}
      onChange={(e) => {
        const next = e.target.value
        if (next.startsWith('tool:')) {
          onChange({ ...form, toolChoice: 'tool', toolChoiceName: next.slice('tool:'.length) })
        } else onChange({ ...form, toolChoice: next as ToolChoiceKind, toolChoiceName: '' })
      }}
    >
      {(Object.keys(labels) as (keyof typeof labels)[]).map((kind) => (
        <option key={kind} value={kind}>
          {labels[kind]}
        </option>
      ))}
      {names.map((name) => (
        <option key={name} value={`tool:${name}`}>
          Always call {name}
        </option>
      ))}
      {stale ? <option value={value}>Always call {form.toolChoiceName} · not defined</option> : null}
    </select>
  )
}
