import type { RunEstimate, RunMode } from '../../../../../shared/domain/runs'
import { runModes } from '../../../../../shared/domain/runs'
import { useNewRun } from '../../../stores/hooks'
import { selectEstimate, selectNewRunActions, selectNewRunForm } from '../../../stores/runs/selectors'
import { costText, modeLabels, supportWord, timeText, unknownCostNote } from './mode-text'

/**
 * Streamed or batch, each with its own cost and time side by side, and per provider whether a batch-mode run
 * sends its calls as batch jobs or streams them, and why.
 */
export function RunModeChoice() {
  const form = useNewRun(selectNewRunForm)
  const estimate = useNewRun(selectEstimate)
  const { setMode } = useNewRun(selectNewRunActions)
  return (
    <fieldset className="radio-group run-mode" data-testid="new-run-mode">
      <legend>Mode</legend>
      {runModes.map((mode) => (
        <label key={mode} className="run-mode-option">
          <input
            type="radio"
            name="new-run-mode"
            value={mode}
            data-testid={`new-run-mode-${mode}`}
            checked={form.mode === mode}
            onChange={() => setMode(mode)}
          />
          <span>{modeLabels[mode]}</span>
          {estimate ? <ModeFigures mode={mode} estimate={estimate} /> : null}
        </label>
      ))}
      {estimate && estimate.batchSupport.length > 0 ? <SupportList estimate={estimate} /> : null}
    </fieldset>
  )
}

function ModeFigures({ mode, estimate }: { mode: RunMode; estimate: RunEstimate }) {
  const usd = estimate.costByMode[mode]
  return (
    <span className="run-mode-figures muted" data-testid={`new-run-mode-${mode}-figures`}>
      {' · '}
      <span data-testid={`estimate-cost-${mode}`} title={usd === null ? unknownCostNote : undefined}>
        {costText(usd)}
      </span>
      {' · '}
      <span data-testid={`estimate-time-${mode}`}>{timeText(mode, estimate)}</span>
    </span>
  )
}

function SupportList({ estimate }: { estimate: RunEstimate }) {
  return (
    <ul className="run-mode-support" aria-label="Batch support per provider">
      {estimate.batchSupport.map((s) => (
        <li
          key={s.provider}
          data-testid="new-run-batch-support"
          data-provider={s.provider}
          data-supported={s.supported}
        >
          <strong>{s.provider}</strong>: in batch mode {supportWord(s.supported)} — {s.reason}
        </li>
      ))}
    </ul>
  )
}
