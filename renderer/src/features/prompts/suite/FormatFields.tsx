import { Field } from '../../../components/Field'
import { formatChecks, pickOption, type ScorerForm } from '../../../stores/scoring/scorer-form'
import type { PatchScorer } from './ScorerEditor'

const checkLabels: Record<ScorerForm['check'], string> = {
  json: 'Parses as JSON',
  json_schema: 'Matches a JSON Schema',
  version_schema: 'Matches the version’s response format schema',
  regex: 'Matches a regular expression',
  length: 'Length within limits',
}

/** A deterministic check of the output's form: JSON, a JSON Schema, a regular expression or a length. */
export function FormatFields({ form, patch }: { form: ScorerForm; patch: PatchScorer }) {
  return (
    <div className="suite-fields">
      <Field label="Check" className="medium">
        <select
          data-testid="scorer-format-check"
          value={form.check}
          onChange={(e) => patch({ check: pickOption(formatChecks, e.target.value, form.check) })}
        >
          {formatChecks.map((c) => (
            <option key={c} value={c}>
              {checkLabels[c]}
            </option>
          ))}
        </select>
      </Field>
      {form.check === 'json_schema' ? (
        <Field
          label="JSON Schema"
          hint="Required fields, types, enums and ranges (JSON Schema draft 7 / 2019-09); checked when you add the scorer."
        >
          <textarea
            className="mono-input suite-schema"
            data-testid="scorer-schema"
            rows={10}
            spellCheck={false}
            value={form.schemaText}
            onChange={(e) => patch({ schemaText: e.target.value })}
          />
        </Field>
      ) : null}
      {form.check === 'regex' ? <PatternFields form={form} patch={patch} /> : null}
      {form.check === 'length' ? (
        <div className="field-row">
          <Field label="Unit" className="narrow">
            <select
              data-testid="scorer-length-unit"
              value={form.lengthUnit}
              onChange={(e) =>
                patch({ lengthUnit: pickOption(['chars', 'words'] as const, e.target.value, 'chars') })
              }
            >
              <option value="chars">characters</option>
              <option value="words">words</option>
            </select>
          </Field>
          <BoundFields form={form} patch={patch} step="1" />
        </div>
      ) : null}
    </div>
  )
}

/** A regular expression and its flags (shared by the format check and the rule). */
export function PatternFields({ form, patch }: { form: ScorerForm; patch: PatchScorer }) {
  return (
    <div className="field-row">
      <Field label="Regular expression" className="grow">
        <input
          type="text"
          className="mono-input"
          data-testid="scorer-pattern"
          spellCheck={false}
          placeholder="^p[1-4]$"
          value={form.pattern}
          onChange={(e) => patch({ pattern: e.target.value })}
        />
      </Field>
      <Field label="Flags" className="narrow">
        <input
          type="text"
          className="mono-input"
          data-testid="scorer-flags"
          spellCheck={false}
          maxLength={6}
          placeholder="i"
          value={form.flags}
          onChange={(e) => patch({ flags: e.target.value })}
        />
      </Field>
    </div>
  )
}

/** Minimum and maximum (a length in whole units, or a numeric range); either may stay empty. */
export function BoundFields({ form, patch, step }: { form: ScorerForm; patch: PatchScorer; step: string }) {
  return (
    <>
      <Field label="Minimum" className="narrow">
        <input
          type="number"
          data-testid="scorer-min"
          step={step}
          placeholder="none"
          value={form.min}
          onChange={(e) => patch({ min: e.target.value })}
        />
      </Field>
      <Field label="Maximum" className="narrow">
        <input
          type="number"
          data-testid="scorer-max"
          step={step}
          placeholder="none"
          value={form.max}
          onChange={(e) => patch({ max: e.target.value })}
        />
      </Field>
    </>
  )
}
