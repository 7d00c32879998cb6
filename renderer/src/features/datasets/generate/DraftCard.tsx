import { useState } from 'react'
import type { CaseDraft, DraftDuplicate } from '../../../../../shared/domain/case-drafts'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { compactExpected } from '../../../stores/datasets/case-fields'
import { DraftEditor } from './DraftEditor'

interface Props {
  draft: CaseDraft
  index: number
  selected: boolean
  busy: boolean
  onSelect: (selected: boolean) => void
  onAccept: () => void
  onReject: () => void
}

/** One generated case: its fields as text (model output is never markup), duplicate flags, and its actions. */
export function DraftCard({ draft, index, selected, busy, onSelect, onAccept, onReject }: Props) {
  const [editing, setEditing] = useState(false)
  const flagged = draft.duplicates.length > 0
  return (
    <li
      className="draft-card"
      data-testid="draft"
      data-draft-id={draft.id}
      data-duplicate={flagged ? 'true' : 'false'}
    >
      <div className="draft-head">
        <label className="check">
          <input
            type="checkbox"
            data-testid="draft-select"
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
          />
          Draft {index + 1}
        </label>
        <span className="muted">{modelKey(draft.model)}</span>
        {draft.duplicates.map((d) => (
          <DuplicateFlag key={`${d.of}-${d.id}`} duplicate={d} />
        ))}
        <span className="toolbar-gap" />
        {!editing ? (
          <>
            <button
              type="button"
              className="button small"
              data-testid="draft-edit"
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="button small"
              data-testid="draft-reject"
              disabled={busy}
              onClick={onReject}
            >
              Reject
            </button>
            <button
              type="button"
              className="button small primary"
              data-testid="draft-accept"
              disabled={busy}
              onClick={onAccept}
            >
              Accept
            </button>
          </>
        ) : null}
      </div>
      {editing ? (
        <DraftEditor draft={draft} onDone={() => setEditing(false)} />
      ) : (
        <DraftFields draft={draft} />
      )}
    </li>
  )
}

function DuplicateFlag({ duplicate }: { duplicate: DraftDuplicate }) {
  const alike = `${Math.round(duplicate.similarity * 100)}% alike`
  const what = duplicate.of === 'case' ? `case ${duplicate.label}` : duplicate.label
  return (
    <span
      className={`badge ${duplicate.kind}`}
      data-testid="draft-duplicate"
      title={`The input is ${duplicate.kind === 'exact' ? 'the same as' : 'nearly the same as'} ${what}'s (${alike}): it would count twice in a score.`}
    >
      {duplicate.kind === 'exact' ? 'same as' : 'near-duplicate of'} {what}
    </span>
  )
}

function DraftFields({ draft }: { draft: CaseDraft }) {
  return (
    <dl className="draft-fields">
      {Object.entries(draft.vars).map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className="draft-value">{value}</dd>
        </div>
      ))}
      <div>
        <dt>expected</dt>
        <dd data-testid="draft-expected-text">{compactExpected(draft.expected)}</dd>
      </div>
      <div>
        <dt>tags</dt>
        <dd>{draft.tags.join(', ') || '—'}</dd>
      </div>
      {draft.notes ? (
        <div>
          <dt>notes</dt>
          <dd>{draft.notes}</dd>
        </div>
      ) : null}
    </dl>
  )
}
