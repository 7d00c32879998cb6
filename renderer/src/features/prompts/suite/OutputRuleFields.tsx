import { Field } from '../../../components/Field'
import {
  measureLabels,
  similarityMeasures,
  type OutputRuleOp,
} from '../../../stores/scoring/output-rule-form'
import { pickOption, type ScorerForm } from '../../../stores/scoring/scorer-form'
import type { PatchScorer } from './ScorerEditor'
import { RuleOpSelect } from './RuleOpSelect'

interface Props {
  form: ScorerForm
  patch: PatchScorer
  op: OutputRuleOp
}

const literalHints: Partial<Record<OutputRuleOp, string>> = {
  one_of: 'A JSON list, or values separated by |, e.g. billing | outage.',
  numeric_close: 'A number, e.g. 42.5.',
}

/** Where the rule's value comes from: the case's expected field, or a value typed here. */
function TargetFields({ form, patch, op }: Props) {
  return (
    <>
      <Field label={op === 'one_of' ? 'Allowed values from' : 'Compared with'} className="medium">
        <select
          data-testid="scorer-rule-target"
          value={form.target}
          onChange={(e) =>
            patch({ target: pickOption(['expected', 'literal'] as const, e.target.value, 'expected') })
          }
        >
          <option value="expected">the case’s expected field</option>
          <option value="literal">{op === 'one_of' ? 'values typed here' : 'a value typed here'}</option>
        </select>
      </Field>
      {form.target === 'expected' ? (
        <Field label="Expected field" className="medium" hint="A case’s expected field, e.g. answer.">
          <input
            type="text"
            className="mono-input"
            data-testid="scorer-expected-field"
            spellCheck={false}
            value={form.expectedField}
            onChange={(e) => patch({ expectedField: e.target.value })}
          />
        </Field>
      ) : (
        <Field label={op === 'one_of' ? 'Values' : 'Value'} className="grow" hint={literalHints[op]}>
          <input
            type="text"
            className="mono-input"
            data-testid="scorer-literal"
            spellCheck={false}
            value={form.literal}
            onChange={(e) => patch({ literal: e.target.value })}
          />
        </Field>
      )}
    </>
  )
}

function NumericFields({ form, patch }: Omit<Props, 'op'>) {
  return (
    <div className="field-row">
      <Field label="Tolerance" className="narrow" hint={form.relative ? 'A share, e.g. 0.05 = 5 %.' : '±'}>
        <input
          type="number"
          data-testid="scorer-tolerance"
          min={0}
          step="any"
          value={form.tolerance}
          onChange={(e) => patch({ tolerance: e.target.value })}
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          data-testid="scorer-relative"
          checked={form.relative}
          onChange={(e) => patch({ relative: e.target.checked })}
        />
        <span>Relative to the expected number</span>
      </label>
    </div>
  )
}

function SimilarityFields({ form, patch }: Omit<Props, 'op'>) {
  return (
    <div className="field-row">
      <Field label="Measure" className="medium">
        <select
          data-testid="scorer-measure"
          value={form.measure}
          onChange={(e) => patch({ measure: pickOption(similarityMeasures, e.target.value, form.measure) })}
        >
          {similarityMeasures.map((m) => (
            <option key={m} value={m}>
              {measureLabels[m]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Passes at" className="narrow" hint="0 to 1; the score keeps the measure.">
        <input
          type="number"
          data-testid="scorer-similarity-min"
          min={0}
          max={1}
          step={0.05}
          value={form.similarityMin}
          onChange={(e) => patch({ similarityMin: e.target.value })}
        />
      </Field>
    </div>
  )
}

/** The output rules of issue 20: text starts/ends/not-contains, one-of, numeric tolerance, similarity, JSON field. */
export function OutputRuleFields({ form, patch, op }: Props) {
  const caseOption = op === 'not_contains' || op === 'starts_with' || op === 'ends_with' || op === 'one_of'
  return (
    <div className="suite-fields">
      <div className="field-row">
        <Field
          label={op === 'json_field' ? 'JSON field' : 'Output field'}
          className="medium"
          hint={
            op === 'json_field'
              ? 'A dot path, e.g. customer.id.'
              : 'A path into the JSON output; empty: the whole text.'
          }
        >
          <input
            type="text"
            className="mono-input"
            data-testid="scorer-path"
            spellCheck={false}
            value={form.path}
            onChange={(e) => patch({ path: e.target.value })}
          />
        </Field>
        <RuleOpSelect form={form} patch={patch} />
        {op === 'json_field' ? (
          <Field label="Must be" className="medium">
            <select
              data-testid="scorer-present"
              value={form.present ? 'present' : 'absent'}
              onChange={(e) => patch({ present: e.target.value === 'present' })}
            >
              <option value="present">present (null counts)</option>
              <option value="absent">absent</option>
            </select>
          </Field>
        ) : (
          <TargetFields form={form} patch={patch} op={op} />
        )}
      </div>
      {op === 'numeric_close' ? <NumericFields form={form} patch={patch} /> : null}
      {op === 'similarity' ? <SimilarityFields form={form} patch={patch} /> : null}
      {caseOption ? (
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
