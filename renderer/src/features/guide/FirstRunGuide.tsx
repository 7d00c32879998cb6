import type { FirstStep } from '../../../../shared/domain/guide'
import { useRpcQuery } from '../../api/query'
import { selectWorkspace } from '../../stores/app/selectors'
import { useApp } from '../../stores/hooks'
import { setGuideMode, useGuideMode, type GuideMode } from './guide-memory'
import { stepCopy, stepHref } from './guide-steps'

function useGuide() {
  const workspace = useApp(selectWorkspace)?.home ?? ''
  const mode = useGuideMode(workspace)
  const { data } = useRpcQuery('guide.firstSteps', {})
  const steps = data?.steps ?? null
  const doneCount = steps?.filter((s) => s.done).length ?? 0
  const allDone = steps !== null && doneCount === steps.length
  const shown = steps !== null && isShown(mode, allDone)
  return { workspace, steps, doneCount, shown }
}

/** Untouched, the guide shows until every step is done; dismissed, it stays away until brought back. */
function isShown(mode: GuideMode, allDone: boolean): boolean {
  return mode === 'open' || (mode === 'auto' && !allDone)
}

function Step({ step, index }: { step: FirstStep; index: number }) {
  const copy = stepCopy[step.step]
  return (
    <li className="guide-step" data-testid="guide-step" data-step={step.step} data-done={step.done}>
      <span className="guide-step-status" aria-hidden="true">
        {step.done ? '✓' : index + 1}
      </span>
      <div>
        <strong>{copy.title}</strong> <span className="muted">{copy.why}</span>
        <div>
          <a href={stepHref(step)} data-testid="guide-step-link">
            {copy.where}
          </a>
        </div>
        <div className="guide-step-evidence" data-testid="guide-step-evidence">
          {step.done ? `Done: ${step.evidence}` : `To do: ${step.evidence}`}
        </div>
      </div>
    </li>
  )
}

/**
 * The first-run guide at the top of every screen of a workspace that has not yet taken the five first steps
 * (dataset → prompt → run → suite → baseline): where each is done and whether it is, read from what the
 * workspace stores. Dismissed, it stays away; the header's "Getting started" brings it back.
 */
export function FirstRunGuide() {
  const { workspace, steps, doneCount, shown } = useGuide()
  if (!steps || !shown) return null
  return (
    <section className="card first-run-guide" data-testid="first-run-guide" aria-labelledby="guide-title">
      <header className="guide-header">
        <h2 id="guide-title">
          Getting started: {doneCount} of {steps.length} steps done
        </h2>
        <button
          type="button"
          className="button small"
          data-testid="guide-dismiss"
          onClick={() => setGuideMode(workspace, 'hidden')}
        >
          Hide guide
        </button>
      </header>
      <ol className="guide-steps">
        {steps.map((step, i) => (
          <Step key={step.step} step={step} index={i} />
        ))}
      </ol>
    </section>
  )
}

/** In the header while the guide is hidden: brings it back, with how far the workspace has come. */
export function GuideReopen() {
  const { workspace, steps, doneCount, shown } = useGuide()
  if (!steps || shown) return null
  return (
    <button
      type="button"
      className="header-notice guide-reopen"
      data-testid="guide-reopen"
      onClick={() => setGuideMode(workspace, 'open')}
    >
      Getting started ({doneCount}/{steps.length})
    </button>
  )
}
