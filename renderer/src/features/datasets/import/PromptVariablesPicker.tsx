import { useEffect } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { selectImportActions, selectKnownVariables } from '../../../stores/datasets/import-selectors'
import { usePrompts, useDatasetImport } from '../../../stores/hooks'
import { selectPromptActions, selectPromptList } from '../../../stores/prompts/selectors'

/** Optional: the prompt these cases feed. Columns named like its {{variables}} are suggested as those. */
export function PromptVariablesPicker() {
  const prompts = usePrompts(selectPromptList)
  const { ensureLoaded } = usePrompts(selectPromptActions)
  const promptId = useDatasetImport((s) => s.promptId)
  const load = useDatasetImport((s) => s.promptLoad)
  const known = useDatasetImport(selectKnownVariables)
  const { pickPrompt } = useDatasetImport(selectImportActions)

  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  if (prompts.length === 0) return null
  return (
    <div className="prompt-vars">
      <label className="inline-field">
        Suggest columns for the variables of
        <select
          data-testid="import-prompt-vars"
          value={promptId ?? ''}
          onChange={(e) => void pickPrompt(e.target.value || null)}
        >
          <option value="">no prompt</option>
          {prompts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {known.length > 0 ? (
        <span className="muted" data-testid="import-known-variables">
          {' '}
          {known.map((v) => `{{${v}}}`).join(' ')}
        </span>
      ) : null}
      {load.error ? (
        <ErrorNotice title="Could not read the prompt" error={load.error} testId="import-prompt-error" />
      ) : null}
    </div>
  )
}
