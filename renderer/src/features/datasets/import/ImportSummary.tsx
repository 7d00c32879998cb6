import { selectImportPreview } from '../../../stores/datasets/import-selectors'
import { useDatasetImport } from '../../../stores/hooks'
import { AssertionsNotice } from './AssertionsNotice'

const formats = { csv: 'CSV', jsonl: 'JSONL', promptfoo: 'promptfoo tests' } as const
const layouts = {
  evallab: 'an Eval Lab export: columns map one to one',
  promptfoo: 'promptfoo tests: vars, assertions (with test thresholds) and metadata map by themselves',
  generic: 'a generic table: check the mapping below',
} as const

/** What the file is, and how many of its rows become cases. */
export function ImportSummary() {
  const preview = useDatasetImport(selectImportPreview)
  if (!preview) return null
  const { counts } = preview
  return (
    <div className="import-summary">
      <p>
        <strong>{preview.file}</strong> reads as {formats[preview.format]}, {layouts[preview.layout]}.
      </p>
      <p
        className="import-counts"
        data-testid="import-counts"
        data-rows={counts.rows}
        data-valid={counts.valid}
        data-failing={counts.failing}
        data-excluded={counts.excluded}
      >
        <span>{counts.rows.toLocaleString()} rows</span>
        <span className="ok">{counts.valid.toLocaleString()} valid</span>
        <span className={counts.failing > 0 ? 'bad' : ''}>{counts.failing.toLocaleString()} failing</span>
        <span>{counts.excluded.toLocaleString()} excluded</span>
      </p>
      {preview.promptfooAssertions ? <AssertionsNotice summary={preview.promptfooAssertions} /> : null}
    </div>
  )
}
