import { useMemo } from 'react'
import { Field } from '../../../components/Field'
import {
  paramsFromForm,
  responseFormatTypes,
  type ParamsField,
  type ParamsForm,
  type ResponseFormatChoice,
} from '../../../stores/prompts/params-form'

interface Props {
  form: ParamsForm
  onChange: (form: ParamsForm) => void
  readOnly?: boolean
  /** Prefix of each field's test id (`param-temperature` ...). */
  testIdPrefix?: string
}

const formatLabels: Record<ResponseFormatChoice, string> = {
  '': 'Provider default',
  text: 'Text',
  json_object: 'JSON object',
  json_schema: 'JSON schema',
}

const numeric: { key: ParamsField; label: string; id: string; placeholder: string }[] = [
  { key: 'temperature', label: 'Temperature', id: 'temperature', placeholder: '0–2' },
  { key: 'maxTokens', label: 'Max tokens', id: 'max-tokens', placeholder: 'default' },
  { key: 'topP', label: 'Top P', id: 'top-p', placeholder: '0–1' },
  { key: 'seed', label: 'Seed', id: 'seed', placeholder: 'none' },
]

/** Sampling parameters and the response format; an empty field leaves the provider's default. */
export function ParamsEditor({ form, onChange, readOnly = false, testIdPrefix = 'param' }: Props) {
  const errors = useMemo(() => paramsFromForm(form).errors, [form])
  const set = (key: ParamsField, value: string) => onChange({ ...form, [key]: value })
  return (
    <div className="params-editor">
      <div className="field-row">
        {numeric.map(({ key, label, id, placeholder }) => (
          <Field key={key} label={label} error={errors[key]} className="narrow">
            <input
              type="text"
              inputMode="decimal"
              data-testid={`${testIdPrefix}-${id}`}
              value={form[key]}
              placeholder={placeholder}
              readOnly={readOnly}
              onChange={(e) => set(key, e.target.value)}
            />
          </Field>
        ))}
        <Field label="Response format" className="medium">
          <select
            data-testid={`${testIdPrefix}-response-format`}
            value={form.format}
            disabled={readOnly}
            onChange={(e) => set('format', e.target.value)}
          >
            {responseFormatTypes.map((t) => (
              <option key={t} value={t}>
                {formatLabels[t]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {form.format === 'json_schema' ? (
        <div className="schema-fields">
          <Field label="Schema name" error={errors.schemaName} className="narrow">
            <input
              type="text"
              data-testid={`${testIdPrefix}-schema-name`}
              value={form.schemaName}
              readOnly={readOnly}
              onChange={(e) => set('schemaName', e.target.value)}
            />
          </Field>
          <Field label="JSON schema" error={errors.schemaText} hint="Checked as JSON before saving.">
            <textarea
              className="mono-input"
              data-testid={`${testIdPrefix}-json-schema`}
              value={form.schemaText}
              readOnly={readOnly}
              spellCheck={false}
              rows={Math.min(8, Math.max(4, form.schemaText.split('\n').length + 1))}
              onChange={(e) => set('schemaText', e.target.value)}
            />
          </Field>
        </div>
      ) : null}
    </div>
  )
}
