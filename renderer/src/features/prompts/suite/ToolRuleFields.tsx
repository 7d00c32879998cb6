import { Field } from '../../../components/Field'
import { pickOption, type ScorerForm } from '../../../stores/scoring/scorer-form'
import { argCompares, type ToolRuleOp } from '../../../stores/scoring/tool-rule-form'
import { RuleOpSelect } from './RuleOpSelect'
import type { PatchScorer } from './ScorerEditor'

interface Props {
  form: ScorerForm
  patch: PatchScorer
  op: ToolRuleOp
}

function TextField(props: {
  label: string
  hint?: string
  testId: string
  value: string
  placeholder?: string
  onChange: (value: string) => void
}) {
  return (
    <Field label={props.label} className="medium" hint={props.hint}>
      <input
        type="text"
        className="mono-input"
        data-testid={props.testId}
        spellCheck={false}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  )
}

/** Expected field or literal, for the rules that compare with one. */
function TargetFields({ form, patch, op }: Props) {
  const literalLabel = op === 'tool_called' ? 'Tool name' : op === 'tool_order' ? 'Tools in order' : 'Value'
  return (
    <>
      <Field label="Compared with" className="medium">
        <select
          data-testid="scorer-rule-target"
          value={form.target}
          onChange={(e) =>
            patch({ target: pickOption(['expected', 'literal'] as const, e.target.value, 'expected') })
          }
        >
          <option value="expected">the case’s expected field</option>
          <option value="literal">a value typed here</option>
        </select>
      </Field>
      {form.target === 'expected' ? (
        <TextField
          label="Expected field"
          testId="scorer-expected-field"
          placeholder={op === 'tool_arg' ? form.path || 'queue' : 'tool'}
          value={form.expectedField}
          onChange={(expectedField) => patch({ expectedField })}
        />
      ) : (
        <TextField
          label={literalLabel}
          hint={op === 'tool_order' ? 'Separated by commas, e.g. lookup_order, route_ticket.' : undefined}
          testId={op === 'tool_called' ? 'scorer-tool' : 'scorer-literal'}
          value={op === 'tool_called' ? form.tool : form.literal}
          onChange={(v) => patch(op === 'tool_called' ? { tool: v } : { literal: v })}
        />
      )}
    </>
  )
}

/** A rule on the answer's tool calls: which tool, which argument, compared with what. */
export function ToolRuleFields({ form, patch, op }: Props) {
  const namesTool = op === 'tool_args_valid' || op === 'tool_arg'
  return (
    <div className="suite-fields">
      <div className="field-row">
        <RuleOpSelect form={form} patch={patch} />
        {namesTool ? (
          <TextField
            label="Tool"
            hint="Empty: any tool (the first call)."
            testId="scorer-tool"
            placeholder="route_ticket"
            value={form.tool}
            onChange={(tool) => patch({ tool })}
          />
        ) : null}
        {op === 'tool_arg' ? (
          <>
            <TextField
              label="Argument"
              hint="A path into the call's arguments."
              testId="scorer-path"
              placeholder="queue"
              value={form.path}
              onChange={(path) => patch({ path })}
            />
            <Field label="Comparison" className="medium">
              <select
                data-testid="scorer-arg-compare"
                value={form.argCompare}
                onChange={(e) => patch({ argCompare: pickOption(argCompares, e.target.value, 'equals') })}
              >
                {argCompares.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ) : null}
        {op === 'tool_called' || op === 'tool_arg' || op === 'tool_order' ? (
          <TargetFields form={form} patch={patch} op={op} />
        ) : null}
        {op === 'no_tool_call' ? (
          <TextField
            label="Only where expected field is true"
            hint="Empty: every case."
            testId="scorer-expected-field"
            placeholder="no_tool"
            value={form.expectedField}
            onChange={(expectedField) => patch({ expectedField })}
          />
        ) : null}
      </div>
      {op === 'tool_arg' ? (
        <label className="check">
          <input
            type="checkbox"
            data-testid="scorer-ignore-case"
            checked={form.ignoreCase}
            onChange={(e) => patch({ ignoreCase: e.target.checked })}
          />
          <span>Ignore case</span>
        </label>
      ) : null}
    </div>
  )
}
