import type { CaseForm } from '../../../stores/datasets/case-form'

interface Props {
  vars: CaseForm['vars']
  error: string | undefined
  onChange: (vars: CaseForm['vars']) => void
}

/** One name and value per variable; variables can be added, renamed and removed. */
export function CaseVarsEditor({ vars, error, onChange }: Props) {
  const update = (index: number, patch: Partial<CaseForm['vars'][number]>) =>
    onChange(vars.map((v, i) => (i === index ? { ...v, ...patch } : v)))
  return (
    <fieldset className="case-vars" data-invalid={error ? 'true' : undefined}>
      <legend>Input variables</legend>
      {vars.length === 0 ? <p className="muted">No variables yet.</p> : null}
      {vars.map((v, index) => (
        <div key={index} className="case-var" data-testid="case-panel-var" data-name={v.name}>
          <div className="case-var-head">
            <input
              type="text"
              aria-label="Variable name"
              data-testid="case-panel-var-name"
              value={v.name}
              onChange={(e) => update(index, { name: e.target.value })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove variable ${v.name}`}
              onClick={() => onChange(vars.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
          <textarea
            aria-label={`Value of ${v.name || 'the variable'}`}
            data-testid="case-panel-var-value"
            rows={Math.min(8, Math.max(2, v.value.split('\n').length))}
            value={v.value}
            onChange={(e) => update(index, { value: e.target.value })}
          />
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        data-testid="case-panel-add-var"
        onClick={() => onChange([...vars, { name: '', value: '' }])}
      >
        Add variable
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  )
}
