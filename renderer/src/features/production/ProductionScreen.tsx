import { useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApp, usePrompts } from '../../stores/hooks'
import { selectWorkspace } from '../../stores/app/selectors'
import { useMonitor, useProductionImport } from '../../stores/production/hooks'
import { selectPromptActions, selectPromptList } from '../../stores/prompts/selectors'
import { AlertBanner } from './AlertBanner'
import { DriftCard } from './DriftCard'
import { ImportPanel } from './ImportPanel'
import { ImportsList } from './ImportsList'
import { rememberedPrompt, rememberPrompt } from './prompt-memory'
import { ThresholdsEditor } from './ThresholdsEditor'
import { TimelineCard } from './TimelineCard'

/** Opens the prompt monitored last (if it still exists) and remembers each prompt chosen, so a reload keeps it. */
function useRememberedPrompt(): void {
  const prompts = usePrompts(selectPromptList)
  const workspace = useApp(selectWorkspace)?.home ?? ''
  const promptId = useMonitor((s) => s.promptId)
  const { select } = useMonitor((s) => s.actions)
  useEffect(() => {
    if (promptId) rememberPrompt(workspace, promptId)
  }, [workspace, promptId])
  useEffect(() => {
    if (promptId !== null || prompts.length === 0) return
    const remembered = rememberedPrompt(workspace)
    if (remembered && prompts.some((p) => p.id === remembered)) void select(remembered)
  }, [workspace, prompts, promptId, select])
}

function PromptPicker() {
  const prompts = usePrompts(selectPromptList)
  const { ensureLoaded } = usePrompts(selectPromptActions)
  const promptId = useMonitor((s) => s.promptId)
  const { select } = useMonitor((s) => s.actions)
  const { reset } = useProductionImport((s) => s.actions)
  const workspace = useApp(selectWorkspace)?.home ?? ''
  useEffect(() => void ensureLoaded(), [ensureLoaded])
  useRememberedPrompt()
  return (
    <label className="field production-prompt">
      <span className="field-label">Prompt</span>
      <select
        data-testid="production-prompt"
        value={promptId ?? ''}
        onChange={(e) => {
          reset()
          // "Choose a prompt…" is a choice too: the next reload must not bring the old prompt back.
          if (!e.target.value) rememberPrompt(workspace, null)
          void select(e.target.value || null)
        }}
      >
        <option value="">Choose a prompt…</option>
        {prompts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  )
}

function Monitoring() {
  const monitor = useMonitor((s) => s.monitor)
  const load = useMonitor((s) => s.load)
  if (load.error) return <ErrorNotice title="Could not load production monitoring" error={load.error} />
  if (!monitor) return load.status === 'loading' ? <p className="muted">Loading…</p> : null
  if (monitor.imports.length === 0)
    return (
      <EmptyState title="No production data yet" testId="production-empty">
        Import a production log (OpenAI-style JSONL, Langfuse or Helicone export) to start monitoring.
      </EmptyState>
    )
  return (
    <>
      <ImportsList />
      <TimelineCard />
      <DriftCard />
    </>
  )
}

/** Production samples of one prompt: import a log, score a sample, watch thresholds and drift. */
export function ProductionScreen() {
  const promptId = useMonitor((s) => s.promptId)
  return (
    <div className="production-screen" data-testid="production-screen">
      <AlertBanner />
      <PromptPicker />
      {promptId ? (
        <>
          <ImportPanel key={promptId} promptId={promptId} />
          <ThresholdsEditor />
          <Monitoring />
        </>
      ) : (
        <EmptyState title="Choose a prompt" testId="production-choose">
          Pick the prompt whose production calls you want to monitor, then import a production log
          (OpenAI-style JSONL, Langfuse or Helicone export) to start monitoring.
        </EmptyState>
      )}
    </div>
  )
}
