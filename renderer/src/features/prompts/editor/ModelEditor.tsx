import type { ModelRef } from '../../../../../shared/domain/prompts'
import { Field } from '../../../components/Field'
import { ModelWarning } from './ModelWarning'

export const providers = ['openai', 'anthropic', 'openai-compatible', 'demo'] as const

interface Props {
  model: ModelRef
  onChange: (model: ModelRef) => void
  readOnly?: boolean
  /** `model` in the editor (model-provider, model-id), `new-prompt-model` in the create dialog. */
  testIdPrefix: string
}

/** The pinned model: a provider and the exact model id, warned about when the id is a moving alias. */
export function ModelEditor({ model, onChange, readOnly = false, testIdPrefix }: Props) {
  const options: string[] = providers.includes(model.provider as (typeof providers)[number])
    ? [...providers]
    : [model.provider, ...providers]
  return (
    <div className="model-editor">
      <div className="field-row">
        <Field label="Provider" className="narrow">
          <select
            data-testid={`${testIdPrefix}-provider`}
            value={model.provider}
            disabled={readOnly}
            onChange={(e) => onChange({ ...model, provider: e.target.value })}
          >
            {options.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Model id (exact, pinned)" className="grow">
          <input
            type="text"
            data-testid={`${testIdPrefix}-id`}
            value={model.model}
            readOnly={readOnly}
            spellCheck={false}
            placeholder="e.g. gpt-4o-mini-2024-07-18"
            maxLength={200}
            onChange={(e) => onChange({ ...model, model: e.target.value })}
          />
        </Field>
      </div>
      <ModelWarning model={model} onUse={readOnly ? undefined : (id) => onChange({ ...model, model: id })} />
    </div>
  )
}
