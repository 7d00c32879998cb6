import { useMemo, useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { useAddedSlices, useCompareData, usePromptTrend } from '../../queries/compare'
import { errorOf } from '../../queries/summary'
import { pairOf } from '../../stores/compare/compare-store'
import { selectPicked, seriesOf } from '../../stores/compare/selectors'
import { useCompare } from '../../stores/hooks'
import { CasesPanel } from './CasesPanel'
import { ChartsPanel } from './ChartsPanel'
import { metricsOf, tagPrefixesOf } from './charts/format'
import { PairwisePanel } from './pairwise/PairwisePanel'
import { ProjectionPanel } from './ProjectionPanel'
import { RunPicker } from './RunPicker'
import { SlicePicker } from './SlicePicker'
import { ErrorNotice } from '../../components/ErrorNotice'

function Controls(props: {
  metrics: { metric: string; label: string }[]
  metric: string
  onMetric: (m: string) => void
  prefixes: string[]
  segment: string
  onSegment: (s: string) => void
}) {
  return (
    <div className="compare-controls">
      <label>
        Metric{' '}
        <select
          data-testid="compare-metric"
          value={props.metric}
          onChange={(e) => props.onMetric(e.target.value)}
        >
          {props.metrics.map((m) => (
            <option key={m.metric} value={m.metric}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {props.prefixes.length === 0 ? (
        <UntaggedNote />
      ) : (
        <label>
          Segment{' '}
          <select
            data-testid="compare-segment"
            value={props.segment}
            onChange={(e) => props.onSegment(e.target.value)}
          >
            {props.prefixes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}

/** Without case tags the segment charts and the projection work on all cases; this says how to split them. */
export function UntaggedNote() {
  return (
    <p className="muted compare-untagged" data-testid="compare-untagged">
      The compared cases have no tags, so segments show all cases together. To compare segments, tag the
      dataset's cases as <code>prefix:value</code> (e.g. <code>tier:enterprise</code>,{' '}
      <code>channel:chat</code>) in Datasets, then run again.
    </p>
  )
}

/** Where a PM decides what ships: quality, cost and latency of prompt versions × models side by side. */
export function CompareScreen() {
  const slices = useAddedSlices()
  const picked = useCompare(selectPicked)
  const chosen = useMemo(() => slices.filter((s) => picked.includes(s.id)), [slices, picked])
  const query = useCompareData(chosen)
  const data = chosen.length > 0 ? (query.data ?? null) : null
  const loadError = errorOf(query.error)
  const trend = usePromptTrend(data?.series[data.series.length - 1]?.promptId).data ?? null
  const { candidateId } = pairOf(useCompare((s) => s))
  const series = useMemo(() => data?.series ?? [], [data])
  const metrics = useMemo(() => metricsOf(series), [series])
  const prefixes = useMemo(() => tagPrefixesOf(series), [series])
  const [metricPick, setMetric] = useState('')
  const [segmentPick, setSegment] = useState('')
  // A pick that the current series lack falls back to the first available one.
  const metric = metrics.some((m) => m.metric === metricPick) ? metricPick : (metrics[0]?.metric ?? '')
  const segment = prefixes.includes(segmentPick) ? segmentPick : (prefixes[0] ?? '')
  const enough = series.length >= 2 && metrics.length > 0

  return (
    <div className="compare-screen" data-testid="compare-screen">
      <RunPicker />
      <SlicePicker />
      {loadError && (
        <ErrorNotice title="Could not load the comparison" error={loadError} testId="compare-load-error" />
      )}
      {!enough && !query.isFetching && (
        <EmptyState title="Nothing to compare yet" testId="compare-empty">
          Add runs and choose at least two prompt version × model slices that have been run and scored (Runs →
          Summary → Score).
        </EmptyState>
      )}
      {data && enough && (
        <>
          <Controls
            metrics={metrics}
            metric={metric}
            onMetric={setMetric}
            prefixes={prefixes}
            segment={segment}
            onSegment={setSegment}
          />
          <ChartsPanel data={data} trend={trend} metric={metric} segment={segment} />
          <CasesPanel />
          <PairwisePanel />
          <ProjectionPanel series={series} candidate={seriesOf(series, candidateId)} prefixes={prefixes} />
        </>
      )}
    </div>
  )
}
