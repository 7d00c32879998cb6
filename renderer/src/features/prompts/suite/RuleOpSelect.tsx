import { Field } from '../../../components/Field'
import { pickOption, ruleOps, type ScorerForm } from '../../../stores/scoring/scorer-form'
import type { PatchScorer } from './ScorerEditor'

const opLabels: Record<ScorerForm['op'], string> = {
  equals: 'equals',
  contains: 'contains',
  regex: 'matches a regular expression',
  range: 'is a number within a range',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  one_of: 'is one of (allowed values)',
  numeric_close: 'is a number close to (tolerance)',
  similarity: 'is similar to (Levenshtein, ROUGE-L, BLEU)',
  json_field: 'JSON field is present / absent',
  tool_called: 'tool: this tool was called',
  tool_args_valid: 'tool: arguments match the tool schema',
  tool_arg: 'tool: an argument equals / contains / matches',
  tool_order: 'tool: tools called in this order',
  no_tool_call: 'tool: no tool was called',
}

/** The operator select, shared by output rules and tool rules. */
export function RuleOpSelect({ form, patch }: { form: ScorerForm; patch: PatchScorer }) {
  return (
    <Field label="Operator" className="medium">
      <select
        data-testid="scorer-rule-op"
        value={form.op}
        onChange={(e) => patch({ op: pickOption(ruleOps, e.target.value, form.op) })}
      >
        {ruleOps.map((op) => (
          <option key={op} value={op}>
            {opLabels[op]}
          </option>
        ))}
      </select>
    </Field>
  )
}
