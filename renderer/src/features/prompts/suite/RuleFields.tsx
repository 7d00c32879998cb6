import { Field } from '../../../components/Field'
import { pickOption, type ScorerForm } from '../../../stores/scoring/scorer-form'
import { isOutputOp } from '../../../stores/scoring/output-rule-form'
import { isToolOp } from '../../../stores/scoring/tool-rule-form'
import { BoundFields, PatternFields } from './FormatFields'
import { OutputRuleFields } from './OutputRuleFields'
import type { PatchScorer } from './ScorerEditor'
import { RuleOpSelect } from './RuleOpSelect'
import { ToolRuleFields } from './ToolRuleFields'

/** A rule on a field of the output: compared with the case's expected field or a literal, or a regex/range. */
export function RuleFields({ form, patch }: { form: ScorerForm; patch: PatchScorer }) {
  if (isToolOp(form.op)) return <ToolRuleFields form={form} patch={patch} op={form.op} />
  if (isOutputOp(form.op)) return <OutputRuleFields form={form} patch={patch} op={form.op} />
  const compares = form.op === 'equals' || form.op === 'contains'
  return (
    <div className="suite-fields">
      <div className="field-row">
        <Field
          label="Output field"
          className="medium"
          hint="A path into the JSON output; empty: the whole text."
        >
          <input
            type="text"
            className="mono-input"
            data-testid="scorer-path"
            spellCheck={false}
            placeholder="category"
            value={form.path}
            onChange={(e) => patch({ path: e.target.value })}
          />
        </Field>
        <RuleOpSelect form={form} patch={patch} />
        {compares ? (
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
        ) : null}
        {compares && form.target === 'expected' ? (
          <Field label="Expected field" className="medium" hint="A case’s expected field, e.g. priority.">
            <input
              type="text"
              className="mono-input"
              data-testid="scorer-expected-field"
              spellCheck={false}
              placeholder="category"
              value={form.expectedField}
              onChange={(e) => patch({ expectedField: e.target.value })}
            />
          </Field>
        ) : null}
        {compares && form.target === 'literal' ? (
          <Field label="Value" className="medium" hint="JSON when it reads as JSON (true, 3), else text.">
            <input
              type="text"
              className="mono-input"
              data-testid="scorer-literal"
              spellCheck={false}
              value={form.literal}
              onChange={(e) => patch({ literal: e.target.value })}
            />
          </Field>
        ) : null}
      </div>
      {compares ? (
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
      {form.op === 'regex' ? <PatternFields form={form} patch={patch} /> : null}
      {form.op === 'range' ? (
        <div className="field-row">
          <BoundFields form={form} patch={patch} step="any" />
        </div>
      ) : null}
    </div>
  )
}
