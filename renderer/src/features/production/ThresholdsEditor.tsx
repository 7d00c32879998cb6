import { useMemo, useState } from 'react'
import { minDayAlertResults, type AlertThreshold } from '../../../../shared/domain/production'
import { ErrorNotice } from '../../components/ErrorNotice'
import type { MonitorState } from '../../stores/production/monitor-store'
import { useMonitor } from '../../stores/production/hooks'
import {
  defaultThresholds,
  describeThreshold,
  parseThresholdValue,
  thresholdMetrics,
  unitOf,
  withDefaults,
} from '../../stores/production/units'

const noDefaults =
  'The suite has no pass/fail metric that production calls can be scored on (its rules need expected answers)'

const unitHints = { share: '0..1, e.g. 0.99', ms: 'milliseconds', usd: 'USD per call' } as const

function NewThreshold({
  metrics,
  onAdd,
}: {
  metrics: { metric: string; label: string }[]
  onAdd: (t: AlertThreshold) => void
}) {
  const [metric, setMetric] = useState('')
  const [direction, setDirection] = useState<'min' | 'max'>('min')
  const [value, setValue] = useState('')
  const chosen = metric || metrics[0]?.metric || ''
  const parsed = parseThresholdValue(chosen, value)
  const error = value !== '' && 'error' in parsed ? parsed.error : undefined
  const add = () => {
    if (!chosen || 'error' in parsed) return
    onAdd({ metric: chosen, direction, value: parsed.value })
    setValue('')
  }
  return (
    <div className="threshold-new">
      <select
        data-testid="threshold-metric"
        aria-label="Metric"
        value={chosen}
        onChange={(e) => setMetric(e.target.value)}
      >
        {metrics.map((m) => (
          <option key={m.metric} value={m.metric}>
            {m.label}
          </option>
        ))}
      </select>
      <select
        data-testid="threshold-direction"
        aria-label="Direction"
        value={direction}
        onChange={(e) => setDirection(e.target.value === 'max' ? 'max' : 'min')}
      >
        <option value="min">min (alert below)</option>
        <option value="max">max (alert above)</option>
      </select>
      <input
        type="number"
        step="any"
        data-testid="threshold-value"
        aria-label={`Value (${unitHints[unitOf(chosen)]})`}
        placeholder={unitHints[unitOf(chosen)]}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        className="button small"
        type="button"
        data-testid="threshold-add"
        disabled={!chosen || 'error' in parsed}
        onClick={add}
      >
        Add
      </button>
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  )
}

type Monitor = NonNullable<MonitorState['monitor']>

function Editor({ monitor }: { monitor: Monitor }) {
  const save = useMonitor((s) => s.save)
  const { saveSettings } = useMonitor((s) => s.actions)
  const [draft, setDraft] = useState<AlertThreshold[]>(monitor.settings.thresholds)
  const [dirty, setDirty] = useState(false)
  const metrics = useMemo(() => thresholdMetrics(monitor.metricLabels), [monitor.metricLabels])
  // Rules against an expected field never score a logged call: no default for them.
  const defaults = useMemo(() => defaultThresholds(monitor.measurable), [monitor.measurable])
  const labelOf = (metric: string) => monitor.metricLabels[metric] ?? metric
  const change = (next: AlertThreshold[]) => {
    setDraft(next)
    setDirty(true)
  }
  const onSave = () => {
    void saveSettings({ ...monitor.settings, thresholds: draft }).then((saved) => {
      if (saved) setDirty(false)
    })
  }
  return (
    <section className="card production-thresholds" aria-label="Alert thresholds">
      <h2>Alert thresholds</h2>
      {draft.length === 0 ? <p className="muted">No thresholds: nothing will alert.</p> : null}
      <p className="muted" data-testid="threshold-scope">
        Alerts judge the latest scored import as a whole, and each of its days with at least{' '}
        {minDayAlertResults} scored calls on its own.
      </p>
      <ul className="threshold-list">
        {draft.map((t, i) => (
          <li key={`${t.metric}-${t.direction}-${i}`} data-testid="threshold-row">
            {describeThreshold(t, labelOf(t.metric))}{' '}
            <button
              className="button small"
              type="button"
              onClick={() => change(draft.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <NewThreshold metrics={metrics} onAdd={(t) => change([...draft, t])} />
      <div className="threshold-actions">
        <button
          className="button small"
          type="button"
          data-testid="threshold-defaults"
          disabled={defaults.length === 0}
          title={defaults.length === 0 ? noDefaults : undefined}
          onClick={() => change(withDefaults(draft, monitor.measurable))}
        >
          Add defaults (min 95 % on pass/fail metrics production can measure)
        </button>
        <button
          className="button small primary"
          type="button"
          data-testid="threshold-save"
          disabled={!dirty || save.status === 'busy'}
          onClick={onSave}
        >
          {save.status === 'busy' ? 'Saving…' : 'Save thresholds'}
        </button>
        {save.status === 'done' && !dirty ? <span data-testid="threshold-saved">Saved</span> : null}
      </div>
      {save.error ? <ErrorNotice title="Thresholds were not saved" error={save.error} /> : null}
    </section>
  )
}

/**
 * The alert rules of the prompt: edited as a draft, stored with the sample rate on Save. The draft starts
 * over when the stored rules change (keyed on them), not on every refetch of the monitor.
 */
export function ThresholdsEditor() {
  const monitor = useMonitor((s) => s.monitor)
  if (!monitor) return null
  const key = `${monitor.promptId}:${JSON.stringify(monitor.settings.thresholds)}`
  return <Editor key={key} monitor={monitor} />
}
