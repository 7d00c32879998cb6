import type { SliceKey } from '../../../../shared/domain/scoring'
import { sameSlice } from '../../../../shared/lib/model-identity'
import { useSignoff } from '../../stores/baselines/hooks'
import { useScoringState } from '../../queries/summary'
import { selectSignoffActions, selectSignoffTarget } from '../../stores/baselines/selectors'
import { SignoffDialog } from './SignoffDialog'

interface Props {
  promptId: string | null
  runId: string
  slice: SliceKey
  /** Names the slice for people, e.g. "Triage v3 on gpt-4o". */
  label: string
}

/** "Sign off as baseline" for one run slice; the dialog opens under the slice it is about. */
export function SignoffButton({ promptId, runId, slice, label }: Props) {
  const target = useSignoff(selectSignoffTarget)
  const { open } = useSignoff(selectSignoffActions)
  const mine = target !== null && target.runId === runId && sameSlice(target.slice, slice)
  // A sign-off hashes the results with their scores: signing mid-scoring would sign a half-scored run.
  const scoring = useScoringState(runId).busy
  return (
    <>
      <button
        type="button"
        className="button small"
        data-testid="signoff-open"
        data-slice-label={label}
        aria-label={`Sign off ${label} as baseline`}
        disabled={!promptId || scoring}
        title={scoring ? 'Wait until scoring has finished' : undefined}
        onClick={() => promptId && open({ promptId, runId, slice, label })}
      >
        Sign off as baseline
      </button>
      {mine ? <SignoffDialog target={target} /> : null}
    </>
  )
}
