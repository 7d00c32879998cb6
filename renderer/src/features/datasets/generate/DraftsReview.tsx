import { useState } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { GENERATED_TAG } from '../../../../../shared/domain/case-drafts'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { plural } from '../../../components/format'
import { toErrorInfo } from '../../../api'
import { useAcceptDrafts, useCaseDrafts, useRejectDrafts } from '../../../queries/case-drafts'
import { selectDetailActions, selectGenerated } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'
import { DraftCard } from './DraftCard'

/**
 * Generated cases waiting for review: each can be edited, accepted or rejected, or a selection at once.
 * Accepted drafts become cases of the working copy tagged source:generated; a snapshot holds them once taken.
 */
export function DraftsReview({ detail }: { detail: DatasetDetail }) {
  const datasetId = detail.dataset.id
  const query = useCaseDrafts(datasetId)
  const drafts = query.data ?? []
  const accept = useAcceptDrafts()
  const reject = useRejectDrafts()
  const { setView, openDialog } = useDatasetDetail(selectDetailActions)
  const generated = useDatasetDetail(selectGenerated)
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const [added, setAdded] = useState<number | null>(null)
  // A draft accepted or rejected elsewhere drops out of the selection with the list.
  const selected = drafts.filter((d) => picked.has(d.id)).map((d) => d.id)
  const busy = accept.isPending || reject.isPending
  const error = accept.error ?? reject.error ?? query.error

  const onAccept = (ids: string[]) => {
    reject.reset()
    accept.mutate({ draftIds: ids }, { onSuccess: (r) => settle(ids, r.cases.length) })
  }
  const onReject = (ids: string[]) => {
    accept.reset()
    reject.mutate({ draftIds: ids }, { onSuccess: () => settle(ids, null) })
  }
  const settle = (ids: string[], count: number | null) => {
    setPicked((p) => new Set([...p].filter((id) => !ids.includes(id))))
    if (count !== null) setAdded((n) => (n ?? 0) + count)
  }
  const toggle = (id: string, on: boolean) =>
    setPicked((p) => (on ? new Set([...p, id]) : new Set([...p].filter((x) => x !== id))))

  return (
    <section className="drafts-review" data-testid="drafts-review" aria-label="Generated drafts">
      <div className="toolbar">
        <button
          type="button"
          className="button small"
          data-testid="drafts-back"
          onClick={() => setView('cases')}
        >
          ← Cases
        </button>
        <h2 className="drafts-title">
          Generated drafts{' '}
          <span className="muted" data-testid="drafts-count">
            {plural(drafts.length, 'draft')} waiting
          </span>
        </h2>
        <span className="toolbar-gap" />
        <label className="check">
          <input
            type="checkbox"
            data-testid="drafts-select-all"
            checked={drafts.length > 0 && selected.length === drafts.length}
            onChange={(e) => setPicked(new Set(e.target.checked ? drafts.map((d) => d.id) : []))}
          />
          Select all
        </label>
        <button
          type="button"
          className="button small"
          data-testid="drafts-reject-selected"
          disabled={selected.length === 0 || busy}
          onClick={() => onReject(selected)}
        >
          Reject {plural(selected.length, 'draft')}
        </button>
        <button
          type="button"
          className="button small primary"
          data-testid="drafts-accept-selected"
          disabled={selected.length === 0 || busy}
          onClick={() => onAccept(selected)}
        >
          Accept {plural(selected.length, 'draft')}
        </button>
      </div>
      {generated && generated.received < generated.asked ? (
        <p className="banner" data-testid="drafts-short" role="status">
          The model wrote {generated.received} of the {generated.asked} cases asked for.
        </p>
      ) : null}
      {added !== null ? (
        <p className="banner" data-testid="drafts-added" role="status">
          Added {plural(added, 'case')} to the working copy, tagged {GENERATED_TAG}. Take a snapshot to use
          them in runs.
        </p>
      ) : null}
      {error ? (
        <ErrorNotice title="Drafts not updated" error={toErrorInfo(error)} testId="drafts-error" />
      ) : null}
      {query.isSuccess && drafts.length === 0 ? (
        <p className="muted" data-testid="drafts-empty">
          No drafts waiting. Generate cases from a thin segment in Coverage, or from the tags you filter by.{' '}
          <button type="button" className="link-button" onClick={() => openDialog('generate')}>
            Generate cases…
          </button>
        </p>
      ) : null}
      <ul className="draft-list">
        {drafts.map((draft, i) => (
          <DraftCard
            key={draft.id}
            draft={draft}
            index={i}
            selected={picked.has(draft.id)}
            busy={busy}
            onSelect={(on) => toggle(draft.id, on)}
            onAccept={() => onAccept([draft.id])}
            onReject={() => onReject([draft.id])}
          />
        ))}
      </ul>
    </section>
  )
}
