import type { ModelRef } from '../../../../shared/domain/prompts'
import { isSimulated } from '../../stores/runs/new-run-plan'

/** "provider/model" in monospace, with a Simulated badge for the built-in offline models. */
export function ModelName({ model }: { model: ModelRef }) {
  return (
    <span className="model-name">
      <code>
        {model.provider}/{model.model}
      </code>
      {isSimulated(model) ? (
        <span className="badge simulated" title="An offline stand-in: no network, no key, no cost">
          Simulated
        </span>
      ) : null}
    </span>
  )
}
