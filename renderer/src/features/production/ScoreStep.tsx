import { ErrorNotice } from '../../components/ErrorNotice'
import { useMonitor, useProductionImport } from '../../stores/production/hooks'

/**
 * Scores the import just made, else the newest one not scored with the current suite. Judges call a
 * model per case, so this can take a while: the button says so while it runs.
 */
export function ScoreStep() {
  const imports = useMonitor((s) => s.monitor?.imports)
  const imported = useProductionImport((s) => s.imported)
  const submit = useProductionImport((s) => s.scoreSubmit)
  const scored = useProductionImport((s) => s.scored)
  const { score } = useProductionImport((s) => s.actions)
  const target = imported ?? imports?.find((i) => !i.scored) ?? null
  if (!target) return null
  const busy = submit.status === 'busy'
  return (
    <div className="production-score">
      <button
        className="button small primary"
        type="button"
        data-testid="production-score"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void score(target.id)}
      >
        {busy ? `Scoring ${target.sampled} sampled calls…` : `Score sample of ${target.fileName}`}
      </button>
      {busy ? <span className="muted"> Rules run at once; judges call their model per case.</span> : null}
      {submit.error ? <ErrorNotice title="Scoring failed" error={submit.error} /> : null}
      {scored && scored.id === target.id ? (
        <p data-testid="production-scored">
          Scored {scored.sampled} sampled calls of {scored.fileName}. Human criteria go to a review queue from
          the import’s run.
        </p>
      ) : null}
    </div>
  )
}
