import type { ModelRef } from '../../../shared/domain/prompts'
import { modelLabel } from '../../../shared/lib/model-ref'

interface Props {
  model: ModelRef
  /** Names of the configured providers, offered as the other way out. */
  configured: readonly string[]
  /** What cannot happen until it is fixed, e.g. "Runs, gates and promotion cannot reach it". */
  consequence: string
  onOpenSettings: () => void
  testId: string
}

/**
 * A model pinned to a provider that Settings does not have (never added, deleted, or a name from before
 * providers could be added such as "openai-compatible"): says so and names both fixes.
 */
export function UnknownProviderNote({ model, configured, consequence, onOpenSettings, testId }: Props) {
  const others = configured.filter((name) => name !== 'demo')
  return (
    <div className="banner warn" role="alert" data-testid={testId} data-provider={model.provider}>
      <span>
        <strong>{modelLabel(model)}</strong> is pinned to a provider that does not exist: no provider is named{' '}
        <strong>{model.provider}</strong> in Settings. {consequence}. Add a provider named{' '}
        <code>{model.provider}</code> in{' '}
        <button type="button" className="link-button" onClick={onOpenSettings}>
          Settings → Providers
        </button>
        {others.length > 0 ? <>, or pin the model to a configured provider ({others.join(', ')})</> : null}.
      </span>
    </div>
  )
}
