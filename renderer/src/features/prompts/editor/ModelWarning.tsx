import { useMemo } from 'react'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { ProviderKind } from '../../../../../shared/domain/providers'
import { adviseModel } from '../../../../../shared/lib/model-aliases'

interface Props {
  model: ModelRef
  /** The kind of the provider the model is pinned to (a server of the user's own names its own models). */
  kind?: ProviderKind | null
  /** Switches to a pinned alternative; absent where the model cannot be edited. */
  onUse?: ((modelId: string) => void) | undefined
}

/** A moving alias (`-latest`, a bare family name) can change under a team: say so, offer dated snapshots. */
export function ModelWarning({ model, kind = null, onUse }: Props) {
  const { provider, model: id } = model
  const advice = useMemo(() => adviseModel({ provider, model: id }, kind), [provider, id, kind])
  if (!id.trim() || !advice.movingAlias) return null
  return (
    <div className="banner warn model-warning" role="status" data-testid="model-warning">
      <span>
        {advice.reason} Pin a dated snapshot so results stay comparable.
        {advice.pinnedAlternatives.length > 0 ? ' Pinned alternatives: ' : ' No known snapshot for it here.'}
        {advice.pinnedAlternatives.map((alt, i) => (
          <span key={alt}>
            {i > 0 ? ', ' : null}
            {onUse ? (
              <button
                type="button"
                className="link-button mono"
                data-testid="model-alternative"
                data-model={alt}
                onClick={() => onUse(alt)}
              >
                {alt}
              </button>
            ) : (
              <code data-testid="model-alternative" data-model={alt}>
                {alt}
              </code>
            )}
          </span>
        ))}
      </span>
    </div>
  )
}
