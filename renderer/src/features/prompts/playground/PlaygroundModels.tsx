import { playgroundLimits } from '../../../../../shared/domain/playground'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { ModelEditor } from '../editor/ModelEditor'

interface Props {
  models: ModelRef[]
  onChange: (models: ModelRef[]) => void
}

/** 1–4 models side by side; the first starts as the version's pinned model. */
export function PlaygroundModels({ models, onChange }: Props) {
  const set = (i: number, model: ModelRef) => onChange(models.map((m, j) => (j === i ? model : m)))
  return (
    <fieldset className="playground-models" data-testid="playground-models">
      <legend>Models (1–{playgroundLimits.models})</legend>
      {models.map((model, i) => (
        <div key={i} className="playground-model" data-testid="playground-model">
          <ModelEditor model={model} onChange={(m) => set(i, m)} testIdPrefix={`playground-model-${i}`} />
          {models.length > 1 ? (
            <button
              type="button"
              className="link-button"
              data-testid={`playground-remove-model-${i}`}
              onClick={() => onChange(models.filter((_, j) => j !== i))}
            >
              Remove this model
            </button>
          ) : null}
        </div>
      ))}
      {models.length < playgroundLimits.models ? (
        <button
          type="button"
          className="button"
          data-testid="playground-add-model"
          onClick={() => onChange([...models, { ...(models.at(-1) ?? { provider: 'demo', model: '' }) }])}
        >
          Add a model
        </button>
      ) : null}
    </fieldset>
  )
}
