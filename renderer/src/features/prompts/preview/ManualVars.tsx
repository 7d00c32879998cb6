import { caseKeyVariable } from '../../../../../shared/domain/template-names'
import { usePreview } from '../../../stores/hooks'
import { selectManualVars, selectPreviewActions } from '../../../stores/preview/selectors'

/** One field per `{{variable}}` the messages use, typed by hand; `{{case.key}}` takes a key. */
export function ManualVars({ variables }: { variables: string[] }) {
  const values = usePreview(selectManualVars)
  const { setManualVar } = usePreview(selectPreviewActions)
  if (variables.length === 0) {
    return (
      <p className="muted">No {'{{variables}}'} in these messages: the preview is the text as written.</p>
    )
  }
  return (
    <div className="manual-vars">
      {variables.map((name) => (
        <label key={name} className="var-field">
          <code>{name}</code>
          {name === caseKeyVariable ? <span className="muted"> the case key</span> : null}
          <textarea
            data-testid="preview-var"
            data-variable={name}
            rows={1}
            value={values[name] ?? ''}
            placeholder={name === caseKeyVariable ? 'A case key, e.g. tkt-0042' : `Value for ${name}`}
            onChange={(e) => setManualVar(name, e.target.value)}
          />
        </label>
      ))}
    </div>
  )
}
