import { useCaseDrafts } from '../../../queries/case-drafts'
import { selectCaseQuery, selectDetailActions } from '../../../stores/datasets/selectors'
import { useCaseTable, useDatasetDetail } from '../../../stores/hooks'

/** "Generate cases…" for the tags the table is filtered by, and the way to drafts waiting for review. */
export function GenerateControls({ datasetId }: { datasetId: string }) {
  const query = useCaseTable(selectCaseQuery)
  const { openGenerate, setView } = useDatasetDetail(selectDetailActions)
  const drafts = useCaseDrafts(datasetId).data ?? []
  const tags = query?.tags ?? []
  return (
    <>
      <button
        type="button"
        className="button small"
        data-testid="generate-cases"
        title={
          tags.length > 0
            ? `Ask a model for new cases like those tagged ${tags.join(' + ')}`
            : 'Ask a model for new cases like this dataset’s (filter by tags to choose a segment)'
        }
        onClick={() => openGenerate(tags)}
      >
        Generate cases…
      </button>
      {drafts.length > 0 ? (
        <button
          type="button"
          className="button small"
          data-testid="review-drafts"
          onClick={() => setView('drafts')}
        >
          Review drafts ({drafts.length})
        </button>
      ) : null}
    </>
  )
}
