import { memo } from 'react'
import type { RunPlan } from '../../../../../shared/domain/runs'
import { useResults } from '../../../stores/hooks'
import { selectResultDetail } from '../../../stores/runs/selectors'
import { ResultDetail } from './ResultDetail'
import { ResultFilters } from './ResultFilters'
import { ResultsGrid } from './ResultsGrid'

interface Props {
  runId: string
  plan: RunPlan
}

/**
 * Filters, the virtualized results grid and the detail of the chosen result. Memoised on the run id and
 * plan (which progress events never change), so a stream of progress does not re-render the grid.
 */
export const ResultsPanel = memo(function ResultsPanel({ runId, plan }: Props) {
  const detail = useResults(selectResultDetail)
  return (
    <section className="results-panel" aria-label="Results" data-run-id={runId}>
      <ResultFilters plan={plan} />
      <div className={`results-body${detail ? ' with-detail' : ''}`}>
        <ResultsGrid />
        {detail ? <ResultDetail result={detail} /> : null}
      </div>
    </section>
  )
})
