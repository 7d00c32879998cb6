import { useState } from 'react'
import { DiffCaseItem } from './DiffCaseItem'
import type { CaseChange } from './field-values'

const firstShown = 200
const more = 500

interface Props {
  kind: 'added' | 'removed' | 'edited'
  title: string
  testId: string
  changes: readonly CaseChange[]
}

/** One list of changed cases; long lists show 200 first and grow on request, so a big re-import stays quick. */
export function DiffSection({ kind, title, testId, changes }: Props) {
  const [limit, setLimit] = useState(firstShown)
  if (changes.length === 0) return null
  return (
    <section className={`diff-section ${kind}`} data-testid={testId} aria-label={title}>
      <h3>
        {title} <span className="muted">{changes.length}</span>
      </h3>
      <ul className="diff-cases">
        {changes.slice(0, limit).map((change) => (
          <DiffCaseItem key={change.key} kind={kind} change={change} />
        ))}
      </ul>
      {changes.length > limit ? (
        <button type="button" className="button small" onClick={() => setLimit((l) => l + more)}>
          Show {Math.min(more, changes.length - limit)} more of {changes.length - limit}
        </button>
      ) : null}
    </section>
  )
}
