import type { Run } from '../../../../../shared/domain/runs'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { Field } from '../../../components/Field'
import { useRunMetrics } from '../../../queries/queues'
import { modelChoicesOf, slicesOf, type QueueForm, type SourceKind } from '../../../stores/review/queue-form'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'
import type { SetForm } from './QueueDialog'

interface Props {
  form: QueueForm
  run: Run | undefined
  set: SetForm
}

const sources: { value: SourceKind; label: string }[] = [
  { value: 'all', label: 'All results' },
  { value: 'sample', label: 'A random sample' },
  { value: 'failing', label: 'Failing cases' },
  { value: 'filter', label: 'A filter (version, model, tag)' },
]

/** Which results of the run go into the queue, with the fields each choice needs. */
export function SourceFields({ form, run, set }: Props) {
  const labels = useVersionLabels()
  const metrics = useRunMetrics(form.runId || null)
  return (
    <fieldset className="queue-source">
      <legend>Results to review</legend>
      <select
        aria-label="Results to review"
        data-testid="queue-source"
        value={form.source}
        onChange={(e) => set({ source: e.target.value as SourceKind })}
      >
        {sources.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {form.source === 'sample' ? (
        <Field
          label="Sample size (cases)"
          hint="Each sampled case is reviewed in every slice of the run: one item per case and slice."
        >
          <input
            type="number"
            min={1}
            data-testid="queue-sample-n"
            value={form.sampleN}
            onChange={(e) => set({ sampleN: e.target.value })}
          />
        </Field>
      ) : null}
      {form.source === 'failing' ? (
        <Field label="Failing on">
          <select
            data-testid="queue-failing-metric"
            value={form.failingMetric}
            onChange={(e) => set({ failingMetric: e.target.value })}
          >
            <option value="">Any failing metric</option>
            {metrics.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {form.source === 'filter' ? (
        <div className="queue-filter">
          <Field label="Prompt version">
            <select
              data-testid="queue-filter-version"
              value={form.filterVersionId}
              onChange={(e) => set({ filterVersionId: e.target.value })}
            >
              <option value="">Any version</option>
              {(run?.plan.promptVersionIds ?? []).map((id) => (
                <option key={id} value={id}>
                  {versionLabel(labels, id, true)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Model">
            <select
              data-testid="queue-filter-model"
              value={form.filterModel}
              onChange={(e) => set({ filterModel: e.target.value })}
            >
              <option value="">Any model</option>
              {modelChoicesOf(run).map((label) => (
                <option key={label} value={label}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Case tag">
            <input
              data-testid="queue-filter-tag"
              placeholder="e.g. tier:enterprise"
              value={form.filterTag}
              onChange={(e) => set({ filterTag: e.target.value })}
            />
          </Field>
        </div>
      ) : null}
    </fieldset>
  )
}

/** Single (score one output) or pairwise (compare two slices of the run for each case). */
export function ModeFields({ form, run, set }: Props) {
  const labels = useVersionLabels()
  const slices = slicesOf(run)
  const sliceOptions = slices.map((s) => (
    <option key={s.id} value={s.id}>
      {versionLabel(labels, s.promptVersionId, true)} on {identityLabel(s)}
    </option>
  ))
  return (
    <fieldset className="queue-mode">
      <legend>Mode</legend>
      <select
        aria-label="Mode"
        data-testid="queue-mode"
        value={form.mode}
        onChange={(e) => set({ mode: e.target.value === 'pairwise' ? 'pairwise' : 'single' })}
      >
        <option value="single">Single: score each output on the rubric</option>
        <option value="pairwise">Pairwise: which of two outputs is better</option>
      </select>
      {form.mode === 'pairwise' ? (
        <div className="queue-pair">
          <Field label="A">
            <select
              data-testid="queue-pair-a"
              value={form.pairA}
              onChange={(e) => set({ pairA: e.target.value })}
            >
              {sliceOptions}
            </select>
          </Field>
          <Field label="B">
            <select
              data-testid="queue-pair-b"
              value={form.pairB}
              onChange={(e) => set({ pairB: e.target.value })}
            >
              {sliceOptions}
            </select>
          </Field>
          {slices.length < 2 ? (
            <p className="field-hint">This run has one slice; pairwise needs two versions or models.</p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  )
}
