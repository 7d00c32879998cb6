import { useShallow } from 'zustand/react/shallow'
import { caseKeyVariable } from '../../../../../shared/domain/template-names'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { usePreview } from '../../../stores/hooks'
import {
  selectCaseTurns,
  selectPreviewActions,
  selectPreviewTemplate,
  selectPreviewLoad,
  selectPreviewResult,
  selectPreviewSource,
} from '../../../stores/preview/selectors'
import { CasePicker } from './CasePicker'
import { ManualVars } from './ManualVars'
import { PreviewResult } from './PreviewResult'
import { usePreviewTemplate } from './use-preview-template'

/** The shown messages rendered with a dataset case's variables or typed values, updated as you edit. */
export function PreviewPanel() {
  usePreviewTemplate()
  const source = usePreview(selectPreviewSource)
  const result = usePreview(selectPreviewResult)
  const load = usePreview(selectPreviewLoad)
  const { setSource } = usePreview(selectPreviewActions)
  const template = usePreview(selectPreviewTemplate)
  const caseTurns = usePreview(useShallow(selectCaseTurns))

  return (
    <section className="preview-panel" data-testid="preview-panel" aria-labelledby="preview-title">
      <header className="panel-head">
        <h3 id="preview-title">Preview</h3>
        <span className="muted" role="status" data-testid="preview-status">
          {load.status === 'loading' ? 'Rendering…' : ''}
        </span>
      </header>
      <div className="segmented" role="radiogroup" aria-label="Variables from">
        {(['case', 'manual'] as const).map((value) => (
          <label key={value} className="segment">
            <input
              type="radio"
              name="preview-source"
              data-testid={`preview-source-${value}`}
              checked={source === value}
              onChange={() => setSource(value)}
            />
            {value === 'case' ? 'Dataset case' : 'Type values'}
          </label>
        ))}
      </div>
      <p className="muted variable-help" data-testid="variable-help">
        A dataset column is <code>{'{{column}}'}</code>; the case key (e.g. an imported <code>id</code>{' '}
        column) is <code>{`{{${caseKeyVariable}}}`}</code>.
      </p>
      {source === 'case' ? <CasePicker /> : <ManualVars variables={result?.variables ?? []} />}
      {load.error ? <ErrorNotice title="Preview failed" error={load.error} testId="preview-error" /> : null}
      {result ? (
        <PreviewResult result={result} tools={template?.params.tools ?? []} caseTurns={caseTurns} />
      ) : (
        <p className="muted">The rendered messages, token count and cost appear here.</p>
      )}
    </section>
  )
}
