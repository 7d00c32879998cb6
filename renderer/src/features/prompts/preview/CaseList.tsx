import type { DatasetCase } from '../../../../../shared/domain/datasets'

interface Props {
  cases: DatasetCase[]
  pickedId: string | null
  onPick: (item: DatasetCase) => void
  empty: string
}

/** Case keys as buttons; the tags help tell similar cases apart, a turn count marks conversation cases. */
export function CaseList({ cases, pickedId, onPick, empty }: Props) {
  if (cases.length === 0) return <p className="muted">{empty}</p>
  return (
    <ul className="case-list" aria-label="Cases">
      {cases.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className="case-item"
            data-testid="case-item"
            data-case-key={c.key}
            aria-current={c.id === pickedId ? 'true' : undefined}
            onClick={() => onPick(c)}
          >
            <code>{c.key}</code>
            {c.conversation ? (
              <span className="muted" data-testid="case-turns">
                {' '}
                · {c.conversation.length} turn{c.conversation.length === 1 ? '' : 's'}
              </span>
            ) : null}
            {c.tags.length > 0 ? (
              <span className="muted case-tags">{c.tags.slice(0, 3).join(' · ')}</span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  )
}
