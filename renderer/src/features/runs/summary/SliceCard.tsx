import type { SliceSummary } from '../../../../../shared/domain/scoring'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { formatUsd } from '../../../components/format'
import {
  errorOf,
  newerGate,
  useEvaluateGate,
  useLatestGate,
  usePromptBaselines,
  useSetBaseline,
} from '../../../queries/summary'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import { baselineFor, isBaselineSlice, sliceKeyOf } from '../../../stores/scoring/slices'
import { SignoffButton } from '../../baselines/SignoffButton'
import { ModelName } from '../ModelName'
import { GateResultView } from './GateResultView'
import { MetricsTable } from './MetricsTable'
import { SetBaselineButton } from './SetBaselineButton'
import { SliceLatency } from './SliceLatency'
import { TagBreakdown } from './TagBreakdown'

interface Props {
  runId: string
  snapshotId: string
  slice: SliceSummary
}

/** One prompt version × model of the run: its metrics, segments, cost, latency, baseline and gate. */
export function SliceCard({ runId, snapshotId, slice }: Props) {
  const labels = useVersionLabels()
  const promptId = labels[slice.promptVersionId]?.promptId ?? null
  const mine = usePromptBaselines(promptId).data
  const stored = useLatestGate(promptId, runId, slice)
  const setBaseline = useSetBaseline(promptId)
  const evaluate = useEvaluateGate()
  const gateResult = newerGate(stored, evaluate.data)
  const gateError = errorOf(evaluate.error)
  const baselineError = errorOf(setBaseline.error)

  const run = { id: runId, datasetSnapshotId: snapshotId }
  const isBaseline = isBaselineSlice(mine, run, slice)
  const baseline = baselineFor(mine, run)
  const model = { provider: slice.provider, model: slice.modelId }
  const label = `${versionLabel(labels, slice.promptVersionId, true)} on ${identityLabel(slice)}`

  return (
    <article
      className="summary-slice"
      data-testid="summary-slice"
      data-version={slice.versionNumber}
      data-model={slice.modelId}
      data-provider={slice.provider}
      aria-label={label}
    >
      <header className="slice-head">
        <h3>
          {versionLabel(labels, slice.promptVersionId, true)} <ModelName model={model} />
        </h3>
        {isBaseline ? (
          <span
            className="badge baseline"
            data-testid="baseline-badge"
            title="The prompt's baseline on this dataset snapshot"
          >
            Baseline
          </span>
        ) : null}
        <span className="toolbar">
          <SetBaselineButton
            label={label}
            runId={runId}
            current={isBaseline ? null : baseline}
            disabled={!promptId || isBaseline || setBaseline.isPending}
            pending={setBaseline.isPending}
            onSet={() => promptId && setBaseline.mutate({ promptId, runId, slice: sliceKeyOf(slice) })}
          />
          <SignoffButton promptId={promptId} runId={runId} slice={sliceKeyOf(slice)} label={label} />
          <button
            type="button"
            className="button small primary"
            data-testid="evaluate-gate"
            disabled={evaluate.isPending}
            onClick={() => evaluate.mutate({ runId, slice: sliceKeyOf(slice) })}
          >
            {evaluate.isPending ? 'Evaluating…' : 'Evaluate gate'}
          </button>
        </span>
      </header>
      <dl className="slice-facts">
        <div>
          <dt>Results</dt>
          <dd data-testid="summary-results">
            {slice.results.toLocaleString()}
            {slice.errors > 0 ? <span className="run-item-errors"> · {slice.errors} errors</span> : null}
          </dd>
        </div>
        <div>
          <dt>Cost per interaction</dt>
          <dd data-testid="summary-cost" data-value={slice.costPerInteractionUsd ?? undefined}>
            {slice.costPerInteractionUsd === null ? 'unknown' : formatUsd(slice.costPerInteractionUsd)}
          </dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd
            data-testid="summary-latency"
            data-p50={slice.latencyP50Ms ?? undefined}
            data-p95={slice.latencyP95Ms ?? undefined}
          >
            <SliceLatency slice={slice} />
          </dd>
        </div>
        <div>
          <dt>Total cost</dt>
          <dd data-testid="summary-total-cost">
            {/* No priced call: the sum of no costs is not $0, it is unknown. */}
            {slice.costPerInteractionUsd === null ? 'unknown' : formatUsd(slice.totalCostUsd)}
          </dd>
        </div>
        <div>
          <dt>Judge cost</dt>
          <dd data-testid="summary-judge-cost">{formatUsd(slice.judgeCostUsd)}</dd>
        </div>
      </dl>
      {baseline && !isBaseline ? (
        <p className="muted slice-baseline-note" data-testid="baseline-note">
          The gate compares with the baseline {versionLabel(labels, baseline.slice.promptVersionId)} on{' '}
          {identityLabel(baseline.slice)}
          {baseline.runId === runId ? ' (this run)' : ' (another run)'}.
        </p>
      ) : null}
      {baselineError ? (
        <ErrorNotice title="Baseline not set" error={baselineError} testId="baseline-error" />
      ) : null}
      <MetricsTable metrics={slice.metrics} />
      <TagBreakdown slice={slice} />
      {gateError ? (
        <ErrorNotice title="Could not evaluate the gate" error={gateError} testId="gate-error" />
      ) : null}
      {gateResult ? <GateResultView result={gateResult} /> : null}
    </article>
  )
}
