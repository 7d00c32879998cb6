import { useMemo } from 'react'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import { EmptyState } from '../../components/EmptyState'
import { Time } from '../../components/Time'
import { useBaselineFolder } from '../../stores/baselines/hooks'

/** The prompt's baselines, one per dataset snapshot: which version on which model, set by whom. */
export function BaselineList({ detail }: { detail: PromptDetail }) {
  const baselines = useBaselineFolder((s) => s.baselines)
  const numbers = useMemo(
    () => new Map(detail.versions.map((v) => [v.id, v.number] as const)),
    [detail.versions],
  )
  if (baselines.length === 0) {
    return (
      <EmptyState title="No baseline yet" testId="baseline-empty">
        No baseline yet — run the prompt, score it and sign off a slice in Runs.
      </EmptyState>
    )
  }
  return (
    <section className="panel" aria-labelledby="baseline-list-title">
      <h2 id="baseline-list-title">Baselines</h2>
      <ul className="plain-list">
        {baselines.map((b) => (
          <li key={b.datasetSnapshotId} data-testid="baseline-row">
            <strong>v{numbers.get(b.slice.promptVersionId) ?? '?'}</strong> on{' '}
            <code>
              {b.slice.provider}/{b.slice.modelId}
            </code>{' '}
            · set by {b.setBy} <Time iso={b.setAt} />
            {b.note ? <span className="muted"> · {b.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
