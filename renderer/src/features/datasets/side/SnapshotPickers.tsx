import type { DatasetDetail } from '../../../../../shared/domain/datasets'

interface Props {
  detail: DatasetDetail
  from: string
  to: string
  onChange: (from: string, to: string) => void
}

/** From a snapshot to another snapshot or the working copy. */
export function SnapshotPickers({ detail, from, to, onChange }: Props) {
  const options = detail.snapshots.map((s) => (
    <option key={s.id} value={s.id}>
      Snapshot {s.number}
      {s.message ? ` — ${s.message}` : ''}
    </option>
  ))
  return (
    <span className="diff-pickers snapshot-pickers">
      <label className="diff-picker">
        From
        <select data-testid="diff-from" value={from} onChange={(e) => onChange(e.target.value, to)}>
          {options}
        </select>
      </label>
      <label className="diff-picker">
        To
        <select data-testid="diff-to" value={to} onChange={(e) => onChange(from, e.target.value)}>
          <option value="working">Working copy</option>
          {options}
        </select>
      </label>
    </span>
  )
}

/** The comparison a PM most likely wants: what changed since the newest snapshot, else the last two. */
export function defaultPair(detail: DatasetDetail): { from: string; to: string } | null {
  const [newest, previous] = [...detail.snapshots].sort((a, b) => b.number - a.number)
  if (!newest) return null
  if (detail.changedSinceSnapshot || !previous) return { from: newest.id, to: 'working' }
  return { from: previous.id, to: newest.id }
}
