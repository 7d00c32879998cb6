import type { DatasetSummary } from '../../../../shared/domain/datasets'
import { plural } from '../../components/format'
import { Time } from '../../components/Time'
import { TagCoverage } from './TagCoverage'

export function DatasetCard({ dataset }: { dataset: DatasetSummary }) {
  return (
    <article className="panel dataset" data-testid="dataset-item" data-dataset-id={dataset.id}>
      <header className="dataset-head">
        <h2>{dataset.name}</h2>
        <span className="muted">
          {plural(dataset.caseCount, 'case')} · updated <Time iso={dataset.updatedAt} />
        </span>
      </header>
      {dataset.description ? <p className="dataset-description">{dataset.description}</p> : null}
      <TagCoverage tagCounts={dataset.tagCounts} caseCount={dataset.caseCount} />
    </article>
  )
}
