import { memo } from 'react'
import type { RunPlan } from '../../../../../shared/domain/runs'
import { useDatasetList } from '../../../queries/datasets'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { ModelName } from '../ModelName'
import { modelKey } from '../../../../../shared/lib/model-ref'

/**
 * What the run is made of: versions × models × dataset, repeats, cache, concurrency. Memoised on the plan,
 * which progress never changes, so a running batch does not re-render it.
 */
export const PlanSummary = memo(function PlanSummary({ plan }: { plan: RunPlan }) {
  const labels = useVersionLabels()
  const { datasets } = useDatasetList()
  const dataset = datasets.find((d) => d.id === plan.datasetId)
  const concurrency = plan.concurrency ? Object.entries(plan.concurrency) : []
  return (
    <dl className="facts run-plan" data-testid="run-plan">
      <dt>Prompt versions</dt>
      <dd>{plan.promptVersionIds.map((id) => versionLabel(labels, id, true)).join(', ')}</dd>
      <dt>Models</dt>
      <dd className="run-plan-models">
        {plan.models.map((m) => (
          <ModelName key={modelKey(m)} model={m} />
        ))}
      </dd>
      <dt>Dataset</dt>
      <dd>{dataset?.name ?? plan.datasetId} (frozen as a snapshot when the run started)</dd>
      <dt>Repeats</dt>
      <dd>{plan.repeats}</dd>
      <dt>Cache</dt>
      <dd>{plan.useCache ? 'on (temperature 0 requests reuse stored answers)' : 'off'}</dd>
      {plan.canary ? (
        <>
          <dt>Canary</dt>
          <dd>
            {Math.round(plan.canary.share * 100)} % of the cases first (seed {plan.canary.seed})
          </dd>
        </>
      ) : null}
      <dt>Concurrency</dt>
      <dd>
        {concurrency.length > 0
          ? concurrency.map(([provider, n]) => `${provider}: ${n}`).join(', ')
          : 'provider defaults'}
      </dd>
    </dl>
  )
})
