import { ErrorNotice } from '../../../components/ErrorNotice'
import {
  selectCaseOpOutcome,
  selectCaseOpState,
  selectCaseOpsActions,
  selectSelectingAll,
} from '../../../stores/datasets/selectors'
import { useCaseOps, useCaseTable } from '../../../stores/hooks'

/** What the last add/duplicate/delete/tag did, or why the core refused it. */
export function OpStatus() {
  const state = useCaseOps(selectCaseOpState)
  const outcome = useCaseOps(selectCaseOpOutcome)
  const { dismiss } = useCaseOps(selectCaseOpsActions)
  const selectingAll = useCaseTable(selectSelectingAll)
  if (state.error) return <ErrorNotice title="Not done" error={state.error} testId="case-op-error" />
  if (selectingAll.error) {
    return (
      <ErrorNotice title="Could not select all cases" error={selectingAll.error} testId="select-all-error" />
    )
  }
  if (!outcome) return null
  return (
    <p className="op-status" role="status" data-testid="case-op-status">
      {outcome}{' '}
      <button type="button" className="link-button" onClick={dismiss}>
        Dismiss
      </button>
    </p>
  )
}
