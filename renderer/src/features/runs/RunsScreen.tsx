import { useCallback, useEffect } from 'react'
import { useNavigation, usePrompts, useRuns } from '../../stores/hooks'
import { selectPromptActions } from '../../stores/prompts/selectors'
import { useRun } from '../../queries/runs'
import { selectRunsMode, selectSelectedRunId } from '../../stores/runs/selectors'
import { RunDetail } from './detail/RunDetail'
import { RunList } from './list/RunList'
import { NewRunForm } from './new/NewRunForm'
import { ResumeOffer } from './ResumeOffer'
import { useLetterShortcut } from './use-new-run-key'

/** Runs: the list on the left; on the right the selected run (progress, results) or the form for a new one. */
export function RunsScreen() {
  const mode = useRuns(selectRunsMode)
  const run = useRun(useRuns(selectSelectedRunId))
  const startNew = useStartNewRun()
  useScreenData()
  useLetterShortcut('n', startNew)

  let pane
  if (mode === 'new') pane = <NewRunForm />
  else if (run) pane = <RunDetail key={run.id} run={run} />
  else pane = <p className="muted pane-hint">Select a run to see its progress and results.</p>

  return (
    <div className="runs-screen" data-testid="runs-screen">
      <ResumeOffer />
      <aside className="runs-sidebar" aria-label="Runs">
        <RunList onNew={startNew} />
      </aside>
      <section className="runs-pane" aria-label={mode === 'new' ? 'New run' : 'Run'}>
        {pane}
      </section>
    </div>
  )
}

/** Prompts for the new-run form (runs, datasets, version labels and providers are queries). */
function useScreenData(): void {
  const prompts = usePrompts(selectPromptActions)
  useEffect(() => {
    void prompts.ensureLoaded()
  }, [prompts])
}

/** Opens the new-run form (N), with the first prompt and dataset chosen; an open form is left as it is. */
export function useStartNewRun(): () => void {
  const mode = useRuns(selectRunsMode)
  const nav = useNavigation()
  return useCallback(() => {
    const focus = () =>
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-testid="new-run-prompt"]')?.focus(),
      )
    if (mode === 'new') focus()
    else void nav.startNewRun().then(focus)
  }, [mode, nav])
}
