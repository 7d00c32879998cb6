import { useState } from 'react'
import type { ProductionPreview } from '../../../../shared/domain/production'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useMonitor, useProductionImport } from '../../stores/production/hooks'
import { parseRatePercent, rateToPercentText } from '../../stores/production/units'
import { formatPeriod, preview as shorten } from './alert-text'
import { ScoreStep } from './ScoreStep'

const formatNames: Record<ProductionPreview['format'], string> = {
  'openai-log': 'OpenAI-style request log',
  langfuse: 'Langfuse export',
  helicone: 'Helicone export',
  generic: 'Generic input/output table',
}

function PreviewSummary({ preview }: { preview: ProductionPreview }) {
  const versions = preview.versions.map((v) => `v${v.number}: ${v.calls}`).join(', ')
  return (
    <div className="production-preview" data-testid="production-preview">
      <p>
        <strong>{preview.total} calls</strong> in {preview.fileName} ({formatNames[preview.format]}),{' '}
        {formatPeriod(preview.periodStart, preview.periodEnd)}. Versions: {versions || 'none named'}. At the
        saved rate, {preview.wouldSample} would be sampled.
      </p>
      <table className="preview-sample">
        <thead>
          <tr>
            <th>Call</th>
            <th>Version</th>
            <th>Model</th>
            <th>Input</th>
            <th>Output</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((call) => (
            <tr key={call.externalId}>
              <td className="mono">{call.externalId}</td>
              <td>v{call.promptVersion}</td>
              <td>{call.model}</td>
              <td>{shorten(Object.values(call.vars).join(' · '), 100)}</td>
              <td className="mono">{call.error ?? shorten(call.output ?? '', 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

async function readFile(input: HTMLInputElement): Promise<{ name: string; content: string } | null> {
  const file = input.files?.[0]
  return file ? { name: file.name, content: await file.text() } : null
}

/** File → preview → sample rate → import; then the score step for what was imported. */
export function ImportPanel({ promptId }: { promptId: string }) {
  const settings = useMonitor((s) => s.monitor?.settings ?? null)
  const preview = useProductionImport((s) => s.preview)
  const previewLoad = useProductionImport((s) => s.previewLoad)
  const submit = useProductionImport((s) => s.importSubmit)
  const imported = useProductionImport((s) => s.imported)
  const { chooseFile, importFile } = useProductionImport((s) => s.actions)
  // null: the user has not typed a rate, so the saved one shows (and follows a save).
  const [typed, setRate] = useState<string | null>(null)
  const rate = typed ?? (settings ? rateToPercentText(settings.sampleRate) : '')
  const parsed = parseRatePercent(rate)
  const rateError = 'error' in parsed ? parsed.error : undefined

  const onImport = () => {
    if (!settings || 'error' in parsed) return
    void importFile({ promptId, settings, sampleRate: parsed.rate })
  }

  return (
    <section className="card production-import" aria-label="Import a production log">
      <h2>Import a production log</h2>
      <label className="field">
        <span className="field-label">Log file (JSONL, JSON or CSV)</span>
        <input
          key={promptId}
          type="file"
          accept=".jsonl,.json,.csv"
          data-testid="production-file"
          onChange={(e) => {
            void readFile(e.currentTarget).then((file) => file && chooseFile(promptId, file))
          }}
        />
      </label>
      {previewLoad.status === 'loading' ? <p className="muted">Reading the log…</p> : null}
      {previewLoad.error ? <ErrorNotice title="Could not read the log" error={previewLoad.error} /> : null}
      {preview ? <PreviewSummary preview={preview} /> : null}
      <label className="field" data-invalid={rateError ? 'true' : undefined}>
        <span className="field-label">Sample rate (% of calls scored)</span>
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          value={rate}
          data-testid="production-sample-rate"
          onChange={(e) => setRate(e.target.value)}
        />
        {rateError && rate !== '' ? <span className="field-error">{rateError}</span> : null}
      </label>
      <button
        className="button small primary"
        type="button"
        data-testid="production-import"
        disabled={!preview || !settings || Boolean(rateError) || submit.status === 'busy'}
        onClick={onImport}
      >
        {submit.status === 'busy' ? 'Importing…' : 'Import'}
      </button>
      {submit.error ? <ErrorNotice title="The import was refused" error={submit.error} /> : null}
      {imported ? (
        <p className="production-import-result" data-testid="production-import-result">
          Imported {imported.fileName}: {imported.total} calls, {imported.sampled} sampled at{' '}
          {rateToPercentText(imported.sampleRate)} %.
        </p>
      ) : null}
      <ScoreStep />
    </section>
  )
}
