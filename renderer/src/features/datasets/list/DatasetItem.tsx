import type { DatasetSummary } from '../../../../../shared/domain/datasets'
import { Time } from '../../../components/Time'
import { useDatasetNav } from '../../../stores/hooks'

interface Props {
  dataset: DatasetSummary
  /** The dataset this one was made from (by "New dataset from selection"), when it still exists. */
  parentName: string | null
}

export function DatasetItem({ dataset, parentName }: Props) {
  const nav = useDatasetNav()
  const href = `#/datasets/${encodeURIComponent(dataset.id)}`
  return (
    <tr data-testid="dataset-item" data-dataset-id={dataset.id}>
      <th scope="row">
        <a
          href={href}
          className="dataset-link"
          onClick={(event) => {
            event.preventDefault()
            void nav.openDataset(dataset.id)
          }}
        >
          {dataset.name}
        </a>
        {dataset.description ? <span className="dataset-description">{dataset.description}</span> : null}
      </th>
      <td className="num">{dataset.caseCount.toLocaleString()}</td>
      <td className="num">{dataset.snapshotCount}</td>
      <td>
        {dataset.parentId ? (
          <a
            href={`#/datasets/${encodeURIComponent(dataset.parentId)}`}
            data-testid="dataset-parent"
            onClick={(event) => {
              event.preventDefault()
              if (dataset.parentId) void nav.openDataset(dataset.parentId)
            }}
          >
            {parentName ?? 'a deleted dataset'}
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <Time iso={dataset.updatedAt} />
      </td>
    </tr>
  )
}
