import { useId } from 'react'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { ProviderView } from '../../../../../shared/domain/providers'
import { Field } from '../../../components/Field'
import { UnknownProviderNote } from '../../../components/UnknownProviderNote'
import { selectAppActions } from '../../../stores/app/selectors'
import { useRpcQuery } from '../../../api/query'
import { useProviderList } from '../../../queries/providers'
import { useApp } from '../../../stores/hooks'
import { isConfigured, knownModelsOf, providerOptionLabel } from '../../../stores/providers/selectors'
import { ModelWarning } from './ModelWarning'

interface Props {
  model: ModelRef
  onChange: (model: ModelRef) => void
  readOnly?: boolean
  /** `model` in the editor (model-provider, model-id), `new-prompt-model` in the create dialog. */
  testIdPrefix: string
}

/**
 * The pinned model: one of the providers configured in Settings (built-in or added) and the exact model id,
 * typed freely or picked from the models that provider is known to serve. A pin to a provider Settings does
 * not have is kept (it may come from an import or an older version) but flagged with the fixes.
 */
export function ModelEditor({ model, onChange, readOnly = false, testIdPrefix }: Props) {
  const { providers: loaded } = useProviderList()
  const { data: known } = useRpcQuery('providers.models', {})
  const { navigate } = useApp(selectAppActions)
  const listId = useId()
  const configured = isConfigured(loaded, model.provider)
  // Until Settings' list arrives, the built-ins (which always exist) can already be picked.
  const offered = loaded ?? builtInProviders
  const view = loaded?.find((p) => p.name === model.provider)
  const suggestions = knownModelsOf(known, model.provider)

  return (
    <div className="model-editor">
      <div className="field-row">
        <Field label="Provider" className="narrow">
          <ProviderSelect
            value={model.provider}
            providers={offered}
            missing={offered.some((p) => p.name === model.provider) ? null : configured === false}
            disabled={readOnly}
            testId={`${testIdPrefix}-provider`}
            onChange={(provider) => onChange({ ...model, provider })}
          />
        </Field>
        <Field label="Model id (exact, pinned)" className="grow">
          <input
            type="text"
            data-testid={`${testIdPrefix}-id`}
            value={model.model}
            readOnly={readOnly}
            spellCheck={false}
            list={readOnly ? undefined : listId}
            placeholder="e.g. gpt-4o-mini-2024-07-18 — any id the provider serves"
            maxLength={200}
            onChange={(e) => onChange({ ...model, model: e.target.value })}
          />
          <datalist id={listId} data-testid={`${testIdPrefix}-suggestions`} data-provider={model.provider}>
            {suggestions.map((m) => (
              <option key={m.id} value={m.id}>
                {m.sources.includes('price-table') && m.sources.length === 1 ? 'price table' : 'used here'}
              </option>
            ))}
          </datalist>
        </Field>
      </div>
      {configured === false ? (
        <UnknownProviderNote
          model={model}
          configured={(loaded ?? []).map((p) => p.name)}
          consequence="Runs, gates and promotion cannot reach this model"
          onOpenSettings={() => navigate('settings')}
          testId={`${testIdPrefix}-unknown-provider`}
        />
      ) : null}
      <ModelWarning
        model={model}
        kind={view?.kind ?? null}
        onUse={readOnly ? undefined : (id) => onChange({ ...model, model: id })}
      />
    </div>
  )
}

const builtInProviders: readonly Pick<ProviderView, 'name' | 'kind' | 'isLocal'>[] = [
  { name: 'openai', kind: 'openai', isLocal: false },
  { name: 'anthropic', kind: 'anthropic', isLocal: false },
  { name: 'demo', kind: 'demo', isLocal: true },
]

interface SelectProps {
  value: string
  providers: readonly Pick<ProviderView, 'name' | 'kind' | 'isLocal'>[]
  /**
   * Null when the pinned provider is offered; else it is kept as the first option, labelled as not
   * configured once Settings' list says so (true), plainly while the list is loading (false).
   */
  missing: boolean | null
  disabled: boolean
  testId: string
  onChange: (provider: string) => void
}

function ProviderSelect({ value, providers, missing, disabled, testId, onChange }: SelectProps) {
  return (
    <select data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {missing === null ? null : (
        <option value={value}>{missing ? `${value} · not configured` : value}</option>
      )}
      {providers.map((p) => (
        <option key={p.name} value={p.name}>
          {providerOptionLabel(p)}
        </option>
      ))}
    </select>
  )
}
