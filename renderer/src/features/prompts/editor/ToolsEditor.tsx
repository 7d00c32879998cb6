import { useMemo } from 'react'
import { Field } from '../../../components/Field'
import { TextEditor } from '../../../lib/monaco'
import type { ParamsForm } from '../../../stores/prompts/params-form'
import { paramsFromForm } from '../../../stores/prompts/params-form'
import { parseTools, toolsToText } from '../../../stores/prompts/tools-form'
import { ToolChoiceSelect } from './ToolChoiceSelect'

interface Props {
  form: ParamsForm
  onChange: (form: ParamsForm) => void
  readOnly: boolean
}

const exampleTool = {
  name: 'my_tool',
  description: 'What the tool does, for the model',
  parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
}

/**
 * The tools a version offers (a JSON array edited in Monaco, checked as typed: each problem names the tool
 * and field), the tool choice and the step limit of the tool loop.
 */
export function ToolsEditor({ form, onChange, readOnly }: Props) {
  const parsed = useMemo(() => parseTools(form.toolsText), [form.toolsText])
  const errors = useMemo(() => paramsFromForm(form).errors, [form])
  const names = (parsed.tools ?? []).map((t) => t.name)
  const addExample = () => {
    const tools = parsed.tools ?? []
    const taken = new Set(tools.map((t) => t.name))
    let name = exampleTool.name
    for (let n = 2; taken.has(name); n++) name = `${exampleTool.name}_${n}`
    onChange({ ...form, toolsText: toolsToText([...tools, { ...exampleTool, name }]) })
  }
  return (
    <section className="tools-editor" aria-label="Tools" data-testid="tools-section">
      <div className="panel-head">
        <h3>Tools</h3>
        <span className="muted" data-testid="tools-count">
          {parsed.tools === undefined ? 'none' : parsed.tools ? `${parsed.tools.length} defined` : 'invalid'}
        </span>
        {readOnly ? null : (
          <button
            type="button"
            className="button small"
            data-testid="tools-add-example"
            disabled={parsed.tools === null}
            title={parsed.tools === null ? 'Fix the tools first' : 'Appends a tool to edit'}
            onClick={addExample}
          >
            Add a tool
          </button>
        )}
      </div>
      <p className="muted field-hint">
        A JSON array of {'{ "name", "description", "parameters" }'}; parameters is a JSON Schema with{' '}
        <code>&quot;type&quot;: &quot;object&quot;</code>. Empty: no tools.
      </p>
      <div
        className="tools-json"
        data-testid="tools-editor"
        data-invalid={parsed.problems.length > 0 || undefined}
      >
        <TextEditor
          value={form.toolsText}
          language="json"
          readOnly={readOnly}
          ariaLabel="Tools (JSON array)"
          onChange={(toolsText) => onChange({ ...form, toolsText })}
        />
      </div>
      {parsed.problems.length > 0 ? (
        <ul className="field-error tools-problems" role="alert" data-testid="tools-problems">
          {parsed.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="field-row">
        <Field label="Tool choice" error={errors.toolChoice ?? errors.toolChoiceName} className="medium">
          <ToolChoiceSelect form={form} names={names} readOnly={readOnly} onChange={onChange} />
        </Field>
        <Field
          label="Step limit"
          error={errors.maxToolSteps}
          className="narrow"
          hint="1–20 model calls a case"
        >
          <input
            type="text"
            inputMode="numeric"
            data-testid="max-tool-steps"
            value={form.maxToolSteps}
            placeholder="1"
            readOnly={readOnly}
            onChange={(e) => onChange({ ...form, maxToolSteps: e.target.value })}
          />
        </Field>
      </div>
    </section>
  )
}
