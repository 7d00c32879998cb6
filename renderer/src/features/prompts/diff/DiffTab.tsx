import { useEffect } from 'react'
import type { PromptDetail } from '../../../../../shared/domain/prompts'
import { ErrorNotice } from '../../../components/ErrorNotice'
import {
  selectDiffActions,
  selectDiffLoad,
  selectDiffPair,
  selectDiffPromptId,
  selectLeftVersion,
  selectRightVersion,
} from '../../../stores/diff/selectors'
import { useDiff } from '../../../stores/hooks'
import { latestNumber } from '../../../stores/prompts/selectors'
import { DiffPickers } from './DiffPickers'
import { DiffView } from './DiffView'

/** Two versions of the prompt side by side: pickers, a shareable link, and the changes. */
export function DiffTab({ detail }: { detail: PromptDetail }) {
  const promptId = detail.prompt.id
  const diffPromptId = useDiff(selectDiffPromptId)
  const pair = useDiff(selectDiffPair)
  const load = useDiff(selectDiffLoad)
  const left = useDiff(selectLeftVersion)
  const right = useDiff(selectRightVersion)
  const { open } = useDiff(selectDiffActions)
  const latest = latestNumber(detail)
  const current = diffPromptId === promptId ? pair : null

  // No pair chosen for this prompt yet: the latest change (the version before the latest, and the latest).
  useEffect(() => {
    if (!current) void open(promptId, { left: Math.max(1, latest - 1), right: latest })
  }, [current, open, promptId, latest])

  return (
    <div className="diff-tab" role="tabpanel" aria-labelledby="tab-diff" data-testid="diff-tab">
      {current ? <DiffPickers detail={detail} pair={current} /> : null}
      {load.error ? (
        <ErrorNotice title="Could not load the versions" error={load.error} testId="diff-error" />
      ) : null}
      {current && current.left === current.right ? (
        <p className="muted">
          Both sides show v{current.left}: pick two different versions to see what changed.
        </p>
      ) : null}
      {current && left && right && left.number === current.left && right.number === current.right ? (
        <DiffView left={left} right={right} />
      ) : load.status === 'loading' ? (
        <p className="muted">Loading versions…</p>
      ) : null}
    </div>
  )
}
