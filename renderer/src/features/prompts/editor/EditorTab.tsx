import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { useNavigation, usePrompts } from '../../../stores/hooks'
import {
  selectIsDirty,
  selectIsReadOnly,
  selectPromptActions,
  selectShownMessages,
  selectShownModel,
  selectShownParams,
} from '../../../stores/prompts/selectors'
import { PreviewPanel } from '../preview/PreviewPanel'
import { VersionList } from '../versions/VersionList'
import { hasPlaceholder, isLastTextMessage } from '../../../stores/prompts/draft'
import { AddMessage } from './AddMessage'
import { MessageEditor } from './MessageEditor'
import { ModelEditor } from './ModelEditor'
import { ParamsEditor } from './ParamsEditor'
import { SaveBar } from './SaveBar'
import { ToolsEditor } from './ToolsEditor'

/** The shown version's messages, model and params (editable at the latest), its live preview and versions. */
export function EditorTab({ detail }: { detail: PromptDetail }) {
  const messages = usePrompts(selectShownMessages)
  const model = usePrompts(selectShownModel)
  const params = usePrompts(selectShownParams)
  const readOnly = usePrompts(selectIsReadOnly)
  const dirty = usePrompts(selectIsDirty)
  const actions = usePrompts(selectPromptActions)
  const nav = useNavigation()
  const { version } = detail

  return (
    <div className="editor-tab" role="tabpanel" aria-labelledby="tab-editor" data-testid="editor-tab">
      <div className="messages">
        {model && params ? (
          <section className="model-section" aria-label="Model and parameters">
            <ModelEditor model={model} onChange={actions.setModel} readOnly={readOnly} testIdPrefix="model" />
            <ParamsEditor form={params} onChange={actions.setParams} readOnly={readOnly} />
          </section>
        ) : null}
        {messages.map((message, index) => (
          <MessageEditor
            key={`${version.id}:${index}`}
            index={index}
            count={messages.length}
            canRemove={!isLastTextMessage(messages, index)}
            message={message}
            readOnly={readOnly}
            onChange={actions.editMessage}
            onRole={actions.setMessageRole}
            onMove={actions.moveMessage}
            onRemove={actions.removeMessage}
          />
        ))}
        {readOnly ? null : (
          <>
            <AddMessage
              last={messages.at(-1)?.role}
              onAdd={actions.addMessage}
              testId="add-message"
              onAddPlaceholder={actions.addPlaceholder}
              hasPlaceholder={hasPlaceholder(messages)}
            />
          </>
        )}
        {params ? <ToolsEditor form={params} onChange={actions.setParams} readOnly={readOnly} /> : null}
        {readOnly ? null : (
          <>
            <SaveBar dirty={dirty} baseNumber={version.number} model={model} />
          </>
        )}
        <p className="muted">
          <button
            type="button"
            className="link-button"
            data-testid="editor-try-playground"
            onClick={() => nav.setTab('playground')}
          >
            {dirty ? 'Try these unsaved edits in the playground' : `Try v${version.number} in the playground`}
          </button>{' '}
          on a few cases and models before a full run.
        </p>
      </div>
      <aside className="editor-aside">
        <PreviewPanel />
        <VersionList detail={detail} />
      </aside>
    </div>
  )
}
