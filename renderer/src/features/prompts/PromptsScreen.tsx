import { useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { shortcutLabel } from '../../components/shortcuts'
import { selectFilesActions } from '../../stores/files/selectors'
import { useFiles, useNewPrompt, usePrompts } from '../../stores/hooks'
import { selectNewPromptActions } from '../../stores/new-prompt/selectors'
import {
  latestNumber,
  latestVersionId,
  selectDetail,
  selectDetailLoad,
  selectListLoad,
  selectPromptActions,
  selectPromptList,
  selectSelectedId,
} from '../../stores/prompts/selectors'
import { NewPromptDialog } from './create/NewPromptDialog'
import { ImportDialog } from './files/ImportDialog'
import { PromptDetail } from './PromptDetail'
import { PromptList } from './PromptList'
import { useCtrlShortcut } from '../../components/use-ctrl-shortcut'

export function PromptsScreen() {
  const prompts = usePrompts(selectPromptList)
  const listLoad = usePrompts(selectListLoad)
  const selectedId = usePrompts(selectSelectedId)
  const detail = usePrompts(selectDetail)
  const { ensureLoaded, select } = usePrompts(selectPromptActions)
  const newPrompt = useNewPrompt(selectNewPromptActions)
  const { openImport } = useFiles(selectFilesActions)
  useCtrlShortcut('n', newPrompt.open)

  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  const onImport = () =>
    openImport(
      detail
        ? {
            promptId: detail.prompt.id,
            promptName: detail.prompt.name,
            baseVersionId: latestVersionId(detail),
            baseNumber: latestNumber(detail),
          }
        : null,
    )

  let list
  if (listLoad.error)
    list = <ErrorNotice title="Could not load prompts" error={listLoad.error} testId="prompts-error" />
  else if (listLoad.status !== 'ready' && prompts.length === 0)
    list = <p className="muted">Loading prompts…</p>
  else if (prompts.length === 0) list = <NoPrompts />
  else list = <PromptList prompts={prompts} selectedId={selectedId} onSelect={(id) => void select(id)} />

  return (
    <div className="prompts-screen">
      <aside className="prompts-sidebar">
        <div className="toolbar sidebar-toolbar">
          <button
            type="button"
            className="button primary small"
            data-testid="new-prompt"
            onClick={newPrompt.open}
          >
            New prompt <kbd>{shortcutLabel('N')}</kbd>
          </button>
          <button type="button" className="button small" data-testid="import-prompt" onClick={onImport}>
            Import…
          </button>
        </div>
        {list}
      </aside>
      <section className="prompt-pane" aria-label="Prompt">
        <DetailPane hasPrompts={prompts.length > 0} />
      </section>
      <NewPromptDialog />
      <ImportDialog />
    </div>
  )
}

function DetailPane({ hasPrompts }: { hasPrompts: boolean }) {
  const selectedId = usePrompts(selectSelectedId)
  const detail = usePrompts(selectDetail)
  const detailLoad = usePrompts(selectDetailLoad)
  const error = detailLoad.error ? (
    <ErrorNotice title="Could not load this prompt" error={detailLoad.error} testId="prompt-error" />
  ) : null

  if (detail && detail.prompt.id === selectedId) {
    return (
      <>
        {error}
        <PromptDetail detail={detail} />
      </>
    )
  }
  if (error) return error
  if (selectedId) return <p className="muted">Loading prompt…</p>
  return hasPrompts ? (
    <p className="muted pane-hint">Select a prompt to edit it, compare its versions or promote one.</p>
  ) : null
}

function NoPrompts() {
  return (
    <EmptyState title="No prompts yet" testId="prompts-empty">
      <p>
        A prompt is a named, versioned set of messages with a pinned model. Each save creates a new version
        you can compare, promote to staging and prod, and roll back to.
      </p>
      <p>
        Create one with <strong>New prompt</strong> ({shortcutLabel('N')}), or import a prompt file exported
        from Eval Lab with <strong>Import…</strong>.
      </p>
    </EmptyState>
  )
}
