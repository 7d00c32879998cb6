import { plural } from '../../../components/format'
import { selectImportActions } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'
import { AssertionsScorerOffer } from './AssertionsScorerOffer'

/** What the last import into this dataset did: added, updated, removed, and the rows left out on purpose. */
export function ImportOutcomeBanner({ datasetId }: { datasetId: string }) {
  const outcome = useDatasetImport((s) => s.outcome)
  const { dismissOutcome } = useDatasetImport(selectImportActions)
  if (!outcome || outcome.datasetId !== datasetId) return null
  const { summary } = outcome
  const parts = [
    `${summary.added.toLocaleString()} ${summary.added === 1 ? 'case' : 'cases'} added`,
    summary.updated > 0 ? `${summary.updated} updated` : null,
    summary.unchanged > 0 ? `${summary.unchanged} unchanged` : null,
    summary.removed > 0 ? `${summary.removed} removed` : null,
  ].filter(Boolean)
  return (
    <div className="banner" role="status" data-testid="import-outcome">
      <span>
        Imported {summary.fileName}: {parts.join(', ')}.
        {summary.excludedRows.length > 0
          ? ` Left out ${plural(summary.excludedRows.length, 'excluded row')} (${summary.excludedRows.slice(0, 10).join(', ')}${summary.excludedRows.length > 10 ? ', …' : ''}).`
          : ''}
      </span>
      <button type="button" className="link-button" onClick={dismissOutcome}>
        Dismiss
      </button>
      <AssertionsScorerOffer outcome={outcome} />
    </div>
  )
}
