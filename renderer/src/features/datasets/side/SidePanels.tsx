import type { KeyboardEvent } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import type { DatasetPanel } from '../../../stores/datasets/detail-store'
import { selectDatasetPanel, selectDetailActions } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'
import { CoveragePanel } from './CoveragePanel'
import { DuplicatesPanel } from './DuplicatesPanel'
import { SnapshotsPanel } from './SnapshotsPanel'

const panels: { id: DatasetPanel; label: string }[] = [
  { id: 'coverage', label: 'Coverage' },
  { id: 'duplicates', label: 'Duplicates' },
  { id: 'snapshots', label: 'Snapshots' },
]

/** Coverage | Duplicates | Snapshots beside the table; arrow keys move between the tabs. */
export function SidePanels({ detail }: { detail: DatasetDetail }) {
  const panel = useDatasetDetail(selectDatasetPanel)
  const { setPanel } = useDatasetDetail(selectDetailActions)
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const at = panels.findIndex((p) => p.id === panel)
    const next = panels[(at + step + panels.length) % panels.length]?.id ?? panel
    setPanel(next)
    document.getElementById(`dataset-tab-${next}`)?.focus()
  }
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Dataset panels" onKeyDown={onKeyDown}>
        {panels.map((p) => (
          <button
            key={p.id}
            id={`dataset-tab-${p.id}`}
            type="button"
            role="tab"
            className="tab"
            data-testid={`dataset-tab-${p.id}`}
            aria-selected={p.id === panel}
            tabIndex={p.id === panel ? 0 : -1}
            onClick={() => setPanel(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`dataset-tab-${panel}`} className="side-panel">
        {panel === 'coverage' ? <CoveragePanel detail={detail} /> : null}
        {panel === 'duplicates' ? <DuplicatesPanel datasetId={detail.dataset.id} /> : null}
        {panel === 'snapshots' ? <SnapshotsPanel detail={detail} /> : null}
      </div>
    </>
  )
}
