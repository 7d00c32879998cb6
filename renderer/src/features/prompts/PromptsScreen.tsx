import { useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { usePrompts } from '../../stores/hooks'
import {
  selectDetail,
  selectDetailLoad,
  selectListLoad,
  selectPromptActions,
  selectPromptList,
  selectSelectedId,
} from '../../stores/prompts/selectors'
import { PromptDetail } from './PromptDetail'
import { PromptList } from './PromptList'

export function PromptsScreen() {
  const prompts = usePrompts(selectPromptList)
  const listLoad = usePrompts(selectListLoad)
  const selectedId = usePrompts(selectSelectedId)
  const { ensureLoaded, select } = usePrompts(selectPromptActions)

  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  let list
  if (listLoad.error)
    list = <ErrorNotice title="Could not load prompts" error={listLoad.error} testId="prompts-error" />
  else if (listLoad.status !== 'ready' && prompts.length === 0)
    list = <p className="muted">Loading prompts…</p>
  else if (prompts.length === 0) list = <NoPrompts />
  else list = <PromptList prompts={prompts} selectedId={selectedId} onSelect={(id) => void select(id)} />

  return (
    <div className="prompts-screen">
      <aside className="prompts-sidebar">{list}</aside>
      <section className="prompt-pane" aria-label="Prompt">
        <DetailPane hasPrompts={prompts.length > 0} />
      </section>
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
  return hasPrompts ? <p className="muted pane-hint">Select a prompt to see its latest version.</p> : null
}

function NoPrompts() {
  return (
    <EmptyState title="No prompts yet" testId="prompts-empty">
      <p>
        A prompt is a named, versioned set of messages with a pinned model. Each save creates a new version
        you can go back to.
      </p>
      <p>
        Creating prompts from the app is coming in a later version. A new, empty data folder starts with demo
        prompts you can edit meanwhile.
      </p>
    </EmptyState>
  )
}
