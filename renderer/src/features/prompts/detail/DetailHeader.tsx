import { useState } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { modelLabel } from '../../../../../shared/lib/model-ref'
import { useNavigation } from '../../../stores/hooks'
import { EnvActions } from '../environments/EnvActions'
import { paramsSummary } from '../params-summary'
import { DetailsForm } from './DetailsForm'

/** Name, description and owner (editable), the shown version's pinned model, and environment actions. */
export function DetailHeader({ detail }: { detail: PromptDetail }) {
  const [editing, setEditing] = useState(false)
  const nav = useNavigation()
  const { prompt, version } = detail
  return (
    <header className="detail-head">
      <div className="detail-title">
        <h2>{prompt.name}</h2>
        {editing ? null : (
          <button
            type="button"
            className="link-button"
            data-testid="edit-details"
            onClick={() => setEditing(true)}
          >
            Edit details
          </button>
        )}
      </div>
      {editing ? (
        <DetailsForm prompt={prompt} onDone={() => setEditing(false)} />
      ) : prompt.description ? (
        <p className="muted" data-testid="prompt-description">
          {prompt.description}
        </p>
      ) : null}
      <p className="model-line" data-testid="model-summary">
        <span className="model-pill">
          v{version.number} · {modelLabel(version.model)}
        </span>
        <span className="muted">{paramsSummary(version.params)}</span>
        <span className="muted">owner {prompt.owner}</span>
        <button
          type="button"
          className="button small"
          data-testid="run-version"
          title={`Plan a run of v${version.number} on ${modelLabel(version.model)}`}
          onClick={() => void nav.newRunFrom({ promptId: prompt.id, versionNumber: version.number })}
        >
          Run v{version.number}…
        </button>
      </p>
      <EnvActions detail={detail} />
    </header>
  )
}
