import { useMemo } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { shortcutLabel } from '../../../components/shortcuts'
import { useCtrlShortcut } from '../../../components/use-ctrl-shortcut'
import { useNewRun, useRuns } from '../../../stores/hooks'
import { nameFor, planOf } from '../../../stores/runs/new-run-plan'
import { planContext } from '../../../stores/runs/new-run-store'
import {
  selectNewRunActions,
  selectNewRunForm,
  selectNewRunPrompt,
  selectRunsActions,
  selectStarting,
  selectVersionModels,
} from '../../../stores/runs/selectors'
import { EstimatePreview } from './EstimatePreview'
import { ModelPicker } from './ModelPicker'
import { PromptVersionsField } from './PromptVersionsField'
import { RunModeChoice } from './RunModeChoice'
import { RunOptions } from './RunOptions'

/** Plans a run: versions × models × a dataset, with the cost and time estimated before anything is sent. */
export function NewRunForm() {
  const form = useNewRun(selectNewRunForm)
  const prompt = useNewRun(selectNewRunPrompt)
  const versionModels = useNewRun(selectVersionModels)
  const starting = useNewRun(selectStarting)
  const { setName, start } = useNewRun(selectNewRunActions)
  const { closeNew } = useRuns(selectRunsActions)
  const ctx = useMemo(() => planContext({ prompt, versionModels }), [prompt, versionModels])
  const { plan, problems } = useMemo(() => planOf(form, ctx), [form, ctx])
  const name = nameFor(form, ctx)
  const busy = starting.status === 'busy'
  const canStart = plan !== null && name.trim() !== '' && !busy
  useCtrlShortcut('enter', () => {
    if (canStart) void start()
  })

  return (
    <form
      className="new-run"
      data-testid="new-run"
      aria-label="New run"
      onSubmit={(event) => {
        event.preventDefault()
        if (canStart) void start()
      }}
    >
      <header className="new-run-head">
        <h2>New run</h2>
        <button type="button" className="button small" data-testid="new-run-cancel" onClick={closeNew}>
          Cancel
        </button>
      </header>
      <PromptVersionsField />
      <ModelPicker />
      <RunOptions />
      <Field label="Run name" hint="Follows the plan until you type your own.">
        <input
          type="text"
          data-testid="new-run-name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <RunModeChoice />
      <EstimatePreview problems={problems} />
      {starting.error ? (
        <ErrorNotice title="Could not start the run" error={starting.error} testId="new-run-error" />
      ) : null}
      <div className="new-run-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="new-run-start"
          disabled={!canStart}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {busy ? 'Starting…' : 'Start run'} <kbd>{shortcutLabel('Enter')}</kbd>
        </button>
      </div>
    </form>
  )
}
