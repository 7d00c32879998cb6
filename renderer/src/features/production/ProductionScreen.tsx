import { useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { usePrompts } from '../../stores/hooks'
import { useMonitor, useProductionImport } from '../../stores/production/hooks'
import { selectPromptActions, selectPromptList } from '../../stores/prompts/selectors'
import { AlertBanner } from './AlertBanner'
import { DriftCard } from './DriftCard'
import { ImportPanel } from './ImportPanel'
import { ImportsList } from './ImportsList'
import { ThresholdsEditor } from './ThresholdsEditor'
import { TimelineCard } from './TimelineCard'

function PromptPicker() {
  const prompts = usePrompts(selectPromptList)
  const { ensureLoaded } = usePrompts(selectPromptActions)
  const promptId = useMonitor((s) => s.promptId)
  const { select } = useMonitor((s) => s.actions)
  const { reset } = useProductionImport((s) => s.actions)
  useEffect(() => void ensureLoaded(), [ensureLoaded])
  return (
    <label className="field production-prompt">
      <span className="field-label">Prompt</span>
      <select
        data-testid="production-prompt"
        value={promptId ?? ''}
        onChange={(e) => {
          reset()
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
