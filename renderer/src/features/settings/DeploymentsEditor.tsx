import type { DeploymentRow } from './provider-form'

interface Props {
  /** Names the provider in each control's accessible label ("a new provider" while adding). */
  owner: string
  rows: DeploymentRow[]
  onChange: (rows: DeploymentRow[]) => void
  errors?: Partial<Record<number, string>> | undefined
}

/**
 * Azure OpenAI calls a model through a deployment of the user's naming: one row per model id (what prompts
 * pin and prices follow) and its deployment. A model without a row is called through a deployment of its
 * own name, Azure's usual convention.
 */
export function DeploymentsEditor({ owner, rows, onChange, errors = {} }: Props) {
  const update = (index: number, patch: Partial<DeploymentRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))
  return (
    <fieldset className="deployments-editor" data-testid="provider-deployments">
      <legend className="field-label">Deployments</legend>
      <span className="field-hint">
        Model id → deployment name. A model without a row is called through a deployment of its own name.
      </span>
      {rows.map((row, i) => (
        <div className="field-row" key={i} data-testid="provider-deployment-row">
          <input
            type="text"
            className="mono-input"
            data-testid="provider-deployment-model"
            aria-label={`Model id of deployment row ${i + 1} for ${owner}`}
            placeholder="gpt-4o-mini"
            spellCheck={false}
            value={row.model}
            onChange={(e) => update(i, { model: e.target.value })}
          />
          <span aria-hidden="true">→</span>
          <input
            type="text"
            className="mono-input"
            data-testid="provider-deployment-name"
            aria-label={`Deployment name of row ${i + 1} for ${owner}`}
            placeholder="prod-mini"
            spellCheck={false}
            value={row.deployment}
            onChange={(e) => update(i, { deployment: e.target.value })}
          />
          <button
            type="button"
            className="button small"
            data-testid="provider-deployment-remove"
            aria-label={`Remove deployment row ${i + 1} for ${owner}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </button>
          {errors[i] ? (
            <span className="field-error" role="alert" data-testid="provider-deployment-error">
              {errors[i]}
            </span>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className="button small"
        data-testid="provider-deployment-add"
        onClick={() => onChange([...rows, { model: '', deployment: '' }])}
      >
        Add a deployment
      </button>
    </fieldset>
  )
}
