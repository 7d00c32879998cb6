import { ErrorNotice } from '../../../components/ErrorNotice'
import { toErrorInfo } from '../../../api'
import { useRpcQuery } from '../../../api/query'
import { selectCaseForm, selectDatasetView } from '../../../stores/datasets/selectors'
import { useCaseEdit, useDatasetDetail, useDatasetNav } from '../../../stores/hooks'
import { CaseDialogs } from '../dialogs/CaseDialogs'
import { SnapshotDiffView } from '../diff/SnapshotDiffView'
import { DraftsReview } from '../generate/DraftsReview'
import { CaseEditPanel } from '../panel/CaseEditPanel'
import { SidePanels } from '../side/SidePanels'
import { CaseTable } from '../table/CaseTable'
import { CaseToolbar } from '../toolbar/CaseToolbar'
import { useCaseCommands } from '../toolbar/use-case-commands'
import { DetailHeader } from './DetailHeader'
import { ImportOutcomeBanner } from './ImportOutcomeBanner'

/** One dataset: header, toolbar, the virtualized case table and a side panel; or a snapshot diff. */
export function DatasetDetailView({ datasetId }: { datasetId: string }) {
  // Refetched when any client changes the dataset, its cases or its snapshots.
  const query = useRpcQuery('datasets.get', { id: datasetId })
  const detail = query.data
  const view = useDatasetDetail(selectDatasetView)
  const form = useCaseEdit(selectCaseForm)
  const nav = useDatasetNav()
  const commands = useCaseCommands(datasetId)

  if (!detail || detail.dataset.id !== datasetId) {
    return (
      <div className="dataset-detail" data-testid="dataset-detail-loading">
        <BackLink onBack={nav.openList} />
        {query.error ? (
          <ErrorNotice
            title="Could not open this dataset"
            error={toErrorInfo(query.error)}
            testId="dataset-error"
          />
        ) : (
          <p className="muted">Loading dataset…</p>
        )}
      </div>
    )
  }

  return (
    <article
      className="dataset-detail"
      data-testid="dataset-detail"
      data-dataset-id={datasetId}
      data-view={view}
    >
      <BackLink onBack={nav.openList} />
      <DetailHeader detail={detail} />
      <ImportOutcomeBanner datasetId={datasetId} />
      {view === 'diff' ? <SnapshotDiffView detail={detail} /> : null}
      {view === 'drafts' ? <DraftsReview detail={detail} /> : null}
      {view === 'cases' ? (
        <>
          <CaseToolbar detail={detail} commands={commands} />
          <div className="dataset-body">
            <CaseTable commands={commands} />
            <aside className="dataset-side" aria-label={form ? 'Edit case' : 'Dataset panels'}>
              {form ? <CaseEditPanel /> : <SidePanels detail={detail} />}
            </aside>
          </div>
        </>
      ) : null}
      <CaseDialogs detail={detail} />
    </article>
  )
}

function BackLink({ onBack }: { onBack: () => void }) {
  return (
    <a
      href="#/datasets"
      className="back-link"
      data-testid="datasets-back"
      onClick={(event) => {
        event.preventDefault()
        onBack()
      }}
    >
      ← All datasets
    </a>
  )
}
