import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { useNewRun, usePrompts } from '../../../stores/hooks'
import { selectPromptList } from '../../../stores/prompts/selectors'
import {
  selectNewRunActions,
  selectNewRunForm,
  selectNewRunPrompt,
  selectNewRunPromptLoad,
} from '../../../stores/runs/selectors'

/** The prompt, then which of its versions to run (the latest is checked to start with). */
export function PromptVersionsField() {
  const prompts = usePrompts(selectPromptList)
  const form = useNewRun(selectNewRunForm)
  const prompt = useNewRun(selectNewRunPrompt)
  const load = useNewRun(selectNewRunPromptLoad)
  const { setPrompt, toggleVersion } = useNewRun(selectNewRunActions)
  const versions = prompt && prompt.prompt.id === form.promptId ? prompt.versions : []

  return (
    <div className="new-run-section">
      <Field label="Prompt">
        <select
          data-testid="new-run-prompt"
          value={form.promptId ?? ''}
          onChange={(e) => void setPrompt(e.target.value || null)}
        >
          <option value="">Choose a prompt…</option>
          {prompts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      {load.error ? <ErrorNotice title="Could not load this prompt" error={load.error} /> : null}
      {versions.length > 0 ? (
        <fieldset className="radio-group new-run-versions">
          <legend>Versions</legend>
          {[...versions]
            .sort((a, b) => b.number - a.number)
            .map((v) => (
              <label key={v.id} className="check">
                <input
                  type="checkbox"
                  data-testid={`new-run-version-${v.number}`}
                  checked={form.versionIds.includes(v.id)}
                  onChange={() => void toggleVersion(v.id)}
                />
                <span>
                  v{v.number} <span className="muted">— {v.message}</span>
                </span>
              </label>
            ))}
        </fieldset>
      ) : form.promptId && load.status === 'loading' ? (
        <p className="muted">Loading versions…</p>
      ) : null}
    </div>
  )
}
