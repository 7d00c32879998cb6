import { useMemo } from 'react'
import type { PromptDetail as Detail } from '../../../../shared/domain/prompts'
import { usePrompts } from '../../stores/hooks'
import {
  latestNumber,
  selectIsDirty,
  selectIsReadOnly,
  selectNotice,
  selectPromptActions,
  selectShownMessages,
  sortVersions,
} from '../../stores/prompts/selectors'
import { MessageEditor } from './MessageEditor'
import { paramsSummary } from './params-summary'
import { ReadOnlyBanner } from './ReadOnlyBanner'
import { SaveBar } from './SaveBar'
import { useSaveShortcut } from './use-save-shortcut'
import { VersionList } from './VersionList'

/** One prompt at one version: pinned model, messages (editable at the latest), save, and history. */
export function PromptDetail({ detail }: { detail: Detail }) {
  const messages = usePrompts(selectShownMessages)
  const readOnly = usePrompts(selectIsReadOnly)
  const dirty = usePrompts(selectIsDirty)
  const notice = usePrompts(selectNotice)
  const { editMessage, viewVersion, saveVersion, dismissNotice } = usePrompts(selectPromptActions)
  const versions = useMemo(() => sortVersions(detail), [detail])
  const latest = latestNumber(detail)
  const { prompt, version } = detail
  useSaveShortcut(() => void saveVersion())

  return (
    <article
      className="prompt-detail"
      data-testid="prompt-detail"
      data-version-number={version.number}
      data-read-only={readOnly ? 'true' : 'false'}
    >
      <header className="detail-head">
        <h2>{prompt.name}</h2>
        {prompt.description ? <p className="muted">{prompt.description}</p> : null}
        <p className="model-line" data-testid="model-summary">
          <span className="model-pill">
            {version.model.provider}/{version.model.model}
          </span>
          <span className="muted">{paramsSummary(version.params)}</span>
          <span className="muted">owner {prompt.owner}</span>
        </p>
      </header>
      {readOnly ? (
        <ReadOnlyBanner
          shownNumber={version.number}
          latestNumber={latest}
          onBack={() => void viewVersion(null)}
        />
      ) : null}
      {notice ? (
        <div className="banner warn" role="alert" data-testid="prompts-notice">
          <span>{notice}</span>
          <button type="button" className="link-button" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="detail-body">
        <div className="messages">
          {messages.map((message, index) => (
            <MessageEditor
              key={`${version.id}:${index}`}
              index={index}
              message={message}
              readOnly={readOnly}
              onChange={editMessage}
            />
          ))}
          {readOnly ? null : <SaveBar dirty={dirty} baseNumber={version.number} />}
        </div>
        <VersionList
          versions={versions}
          shownNumber={version.number}
          latestNumber={latest}
          onView={(n) => void viewVersion(n)}
        />
      </div>
    </article>
  )
}
